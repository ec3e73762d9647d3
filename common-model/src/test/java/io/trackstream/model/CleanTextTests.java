package io.trackstream.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CleanTextTests {

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F})
    void refusesEveryControlCharacterWhereverItStands(int control) {
        String c = Character.toString(control);
        assertThat(FieldReader.isCleanText(c, 10)).isFalse();
        assertThat(FieldReader.isCleanText("ab" + c, 10)).isFalse();
        assertThat(FieldReader.isCleanText(c + "ab", 10)).isFalse();
        assertThat(FieldReader.isCleanText("\uD83D\uDE00" + c + "\uD83D\uDE00", 10)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", " ", "plain", "Grüße 東京", "\u00A0no-break", "\u200Bzero-width", "\uD83D\uDE00"})
    void acceptsTextWithoutControls(String text) {
        assertThat(FieldReader.isCleanText(text, 20)).isTrue();
    }

    @Test
    void countsAnEmojiOnceAgainstTheLimit() {
        String threeEmoji = "\uD83D\uDE00\uD83D\uDE01\uD83D\uDE02";
        assertThat(threeEmoji).hasSize(6);
        assertThat(FieldReader.isCleanText(threeEmoji, 3)).isTrue();
        assertThat(FieldReader.isCleanText(threeEmoji, 2)).isFalse();
    }

    @Test
    void acceptsExactlyMaxCharactersAndNotOneMore() {
        assertThat(FieldReader.isCleanText("x".repeat(5), 5)).isTrue();
        assertThat(FieldReader.isCleanText("x".repeat(6), 5)).isFalse();
    }
}
