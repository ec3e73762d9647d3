package io.trackstream.producer.traffic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Gives the timestamp of the n-th emitted event. The simulated clock makes timestamps a pure function
 * of the sequence number (a backfill from {@code --start}, advancing {@code timeScale} simulated
 * seconds per real second at the configured rate), so a seed reproduces the stream exactly; the
 * system clock stamps the real time and leaves the sequence of events itself unchanged.
 */
@FunctionalInterface
public interface EventClock {

    Instant at(long sequence);

    static EventClock system(Clock clock) {
        return sequence -> clock.instant();
    }

    static EventClock simulated(Instant start, double eventsPerSecond, double timeScale) {
        double nanosPerEvent = 1e9 * timeScale / eventsPerSecond;
        return sequence -> start.plus(Duration.ofNanos(Math.round(sequence * nanosPerEvent)));
    }
}
