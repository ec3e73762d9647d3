package io.trackstream.storage.history;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HistoryCursorTests {

    @Test
    void readsBackWhatItWrote() {
        HistoryCursor cursor = new HistoryCursor(Instant.parse("2026-03-09T00:00:00Z"),
                Instant.parse("2026-03-09T23:59:59.999Z"), "id:with:colons/é");

        assertThat(HistoryCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void isUrlSafe() {
        String token = new HistoryCursor(Instant.EPOCH, Instant.ofEpochMilli(1), "??>>~~").encode();

        assertThat(token).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void rejectsATokenItDidNotWrite() {
        assertThatIllegalArgumentException().isThrownBy(() -> HistoryCursor.decode("not-a-cursor"));
        assertThatIllegalArgumentException().isThrownBy(() -> HistoryCursor.decode("%%%"));
        assertThatIllegalArgumentException().isThrownBy(() -> HistoryCursor.decode(
                java.util.Base64.getUrlEncoder().encodeToString("v1:x:1:id".getBytes())));
    }
}
