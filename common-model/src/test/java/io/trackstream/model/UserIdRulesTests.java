package io.trackstream.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.trackstream.model.Samples.decodeWith;
import static org.assertj.core.api.Assertions.assertThat;

class UserIdRulesTests {

    @ParameterizedTest(name = "{0} is kept as \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "1                   | 1",
            "'\"1\"'             | 1",
            "'\"u-42\"'          | u-42",
            "'\"Jürgen 🙂\"'      | Jürgen 🙂",
            "9223372036854775807 | 9223372036854775807",
    })
    void acceptsNonBlankStringsAndPositiveIntegers(String rawJson, String expected) {
        EventCodec.Decoded decoded = decodeWith("user_id", rawJson);

        assertThat(decoded.violations()).isEmpty();
        assertThat(decoded.event().userId()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "-1", "1.5", "123.0", "1e2", "true", "null", "{}", "[]", "[1]",
            "18446744073709551616", "9223372036854775808", "\"\"", "\"   \"", "\"a\\u0000b\""})
    void rejectsEverythingElse(String rawJson) {
        EventCodec.Decoded decoded = decodeWith("user_id", rawJson);

        assertThat(decoded.isValid()).isFalse();
        assertThat(decoded.event()).isNull();
        assertThat(decoded.violations()).extracting(Violation::field).containsExactly("user_id");
    }

    @Test
    void rejectsStringsLongerThan128Characters() {
        assertThat(decodeWith("user_id", Samples.quoted("u".repeat(128))).isValid()).isTrue();
        assertThat(decodeWith("user_id", Samples.quoted("u".repeat(129))).violations())
                .extracting(Violation::field).containsExactly("user_id");
    }

    @Test
    void namesTheRuleInTheError() {
        assertThat(decodeWith("user_id", "0").violations()).singleElement()
                .extracting(Violation::error)
                .isEqualTo("must be a non-blank string of at most 128 characters or an integer >= 1");
    }

    @Test
    void requiresUserId() {
        assertThat(decodeWith("user_id", null).violations()).singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("user_id");
                    assertThat(v.error()).startsWith("is required");
                });
    }
}
