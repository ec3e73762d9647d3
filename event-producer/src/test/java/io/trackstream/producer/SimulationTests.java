package io.trackstream.producer;

import io.trackstream.model.UserActivityEvent;
import io.trackstream.producer.traffic.EventClock;
import io.trackstream.producer.traffic.TrafficGenerator;
import io.trackstream.producer.traffic.TrafficSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SimulationTests {

    private final AtomicLong clock = new AtomicLong();
    private final RecordingSink sink = new RecordingSink(clock);

    private Simulation simulation(double rate, Long events, Duration duration) {
        TrafficGenerator generator = new TrafficGenerator(TrafficSettings.defaults(1, 100),
                EventClock.simulated(Instant.parse("2024-01-01T00:00:00Z"), rate, 1));
        return new Simulation(generator, sink, rate, events, duration, clock::get, clock::addAndGet);
    }

    @Test
    void stopsAfterTheRequestedNumberOfEvents() {
        Progress.Snapshot last = simulation(1_000, 2_500L, null).run(() -> false, Duration.ofSeconds(1), s -> { });

        assertThat(sink.events).hasSize(2_500);
        assertThat(last.sent()).isEqualTo(2_500);
        assertThat(last.remaining()).isZero();
    }

    @Test
    void aDurationGivesRateTimesDurationEvents() {
        List<Progress.Snapshot> reports = new ArrayList<>();
        simulation(200, null, Duration.ofSeconds(5)).run(() -> false, Duration.ofSeconds(1), reports::add);

        assertThat(sink.events).hasSize(1_000);
        assertThat(reports).hasSizeBetween(4, 5);
        assertThat(reports.get(0).rate()).isBetween(190.0, 210.0);
    }

    @Test
    void stopsWhenAsked() {
        Progress.Snapshot last = simulation(100, null, null).run(() -> sink.events.size() >= 10, Duration.ofSeconds(1), s -> { });

        assertThat(last.sent()).isEqualTo(10);
        assertThat(last.remaining()).isNull();
    }

    /** Records events; every send moves the fake clock by 0.1 ms, like real work would. */
    private static final class RecordingSink implements EventSink {
        private final AtomicLong clock;
        final List<UserActivityEvent> events = new ArrayList<>();

        RecordingSink(AtomicLong clock) {
            this.clock = clock;
        }

        @Override
        public void send(UserActivityEvent event) {
            events.add(event);
            clock.addAndGet(100_000);
        }

        @Override
        public void flush() {
        }

        @Override
        public long acknowledged() {
            return events.size();
        }

        @Override
        public long failed() {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
