package io.trackstream.storage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TextColumnsTests {

    @ParameterizedTest
    @ValueSource(strings = {"", "page_view", "Grüße aus Köln", "東京の検索", "price 💸 19.90", "a\u00a0b"})
    void encodesTextAsItsUtf8BytesAndReadsItBack(String text) {
        ByteBuffer wire = TextColumns.encode(text);

        assertThat(wire.remaining()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        assertThat(StandardCharsets.UTF_8.decode(wire.duplicate()).toString()).isEqualTo(text);
        assertThat(TextColumns.decode(wire)).isEqualTo(text);
    }

    @Test
    void readsOnlyTheRemainingBytesOfABufferSlice() {
        byte[] frame = "xx東京yy".getBytes(StandardCharsets.UTF_8);
        ByteBuffer slice = ByteBuffer.wrap(frame, 2, frame.length - 4).slice();

        assertThat(TextColumns.decode(slice)).isEqualTo("東京");
        assertThat(slice.remaining()).isEqualTo(6);
    }

    @Test
    void readsADirectBufferWithoutMovingIt() {
        byte[] bytes = "Grüße".getBytes(StandardCharsets.UTF_8);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();

        assertThat(TextColumns.decode(direct)).isEqualTo("Grüße");
        assertThat(direct.position()).isZero();
    }

    @Test
    void aNullColumnIsNull() {
        assertThat(TextColumns.decode(null)).isNull();
    }
}
