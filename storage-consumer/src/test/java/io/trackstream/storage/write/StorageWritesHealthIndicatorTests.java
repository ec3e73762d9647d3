package io.trackstream.storage.write;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class StorageWritesHealthIndicatorTests {

    @Test
    void isDownFromTheFirstFailedWriteUntilTheNextSuccess() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-09T10:00:00Z"));
        StorageWritesHealthIndicator indicator = new StorageWritesHealthIndicator(clock);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

        indicator.writeFailed(new RuntimeException("wrapped", new IOException("connection refused")));
        clock.now = Instant.parse("2026-03-09T10:00:30Z");
        indicator.writeFailed(new RuntimeException("again"));
        Health down = indicator.health();

        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("since", "2026-03-09T10:00:00Z")
                .containsEntry("error", "RuntimeException: again");

        indicator.writeSucceeded();
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
