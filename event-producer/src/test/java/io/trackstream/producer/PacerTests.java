package io.trackstream.producer;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PacerTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private void advanceMillis(long millis) {
        now.addAndGet(millis * 1_000_000);
    }

    @Test
    void theFirstEventIsDueAtOnce() {
        Pacer pacer = new Pacer(200, now::get);

        assertThat(pacer.due(0)).isEqualTo(1);
        assertThat(pacer.due(1)).isZero();
        assertThat(pacer.nanosUntilNext(1)).isEqualTo(5_000_000);
    }

    @Test
    void dueEventsFollowTheRateOverTime() {
        Pacer pacer = new Pacer(200, now::get);
        long sent = 0;
        for (int tick = 0; tick < 5_000; tick++) {
            sent += pacer.due(sent);
            advanceMillis(1);
        }
        // 5 seconds at 200/s, plus the one due at the start
        assertThat(sent).isEqualTo(1_000);
    }

    @Test
    void highRatesAreEmittedInTicksOfManyEvents() {
        Pacer pacer = new Pacer(50_000, now::get);
        long sent = pacer.due(0);

        advanceMillis(1);
        long tick = pacer.due(sent);

        assertThat(tick).isEqualTo(50);
    }

    @Test
    void aSlowTickIsCaughtUpInTheNext() {
        Pacer pacer = new Pacer(1_000, now::get);
        long sent = pacer.due(0);
        advanceMillis(250);

        assertThat(pacer.due(sent)).isEqualTo(250);
        assertThat(pacer.nanosUntilNext(sent)).isZero();
    }

    @Test
    void fractionalRatesWaitForTheirTurn() {
        Pacer pacer = new Pacer(0.5, now::get);
        long sent = pacer.due(0);
        advanceMillis(1_999);

        assertThat(pacer.due(sent)).isZero();
        assertThat(pacer.nanosUntilNext(sent)).isEqualTo(1_000_000);
        advanceMillis(1);
        assertThat(pacer.due(sent)).isEqualTo(1);
    }

    @Test
    void refusesANonPositiveRate() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Pacer(0, now::get));
    }
}
