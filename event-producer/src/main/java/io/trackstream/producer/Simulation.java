package io.trackstream.producer;

import io.trackstream.model.UserActivityEvent;
import io.trackstream.producer.traffic.TrafficGenerator;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * One run: draws events from the generator and hands them to the sink at the paced rate until the
 * event count or the duration is reached or it is told to stop, then waits for the sink. Reports
 * progress through the given callback from the running thread, every {@code progressEvery}.
 */
final class Simulation {

    // Never sleep less than this: at high rates it makes the ticks, at low ones it costs nothing.
    private static final long MIN_PARK_NANOS = 50_000;
    // Wake at least this often to notice a stop request or a report that is due.
    private static final long MAX_PARK_NANOS = 100_000_000;
    // Check the deadline and the stop flag at least every this many events.
    private static final long MAX_TICK = 5_000;

    private final TrafficGenerator generator;
    private final EventSink sink;
    private final double rate;
    private final Long maxEvents;
    private final Duration maxDuration;
    private final LongSupplier nanoClock;
    private final LongConsumer parkNanos;
    private volatile long sent;
    private volatile Pacer pacer;

    Simulation(TrafficGenerator generator, EventSink sink, double rate, Long maxEvents, Duration maxDuration,
               LongSupplier nanoClock, LongConsumer parkNanos) {
        this.generator = generator;
        this.sink = sink;
        this.rate = rate;
        this.maxEvents = maxEvents;
        this.maxDuration = maxDuration;
        this.nanoClock = nanoClock;
        this.parkNanos = parkNanos;
    }

    /** Runs until done or {@code stop} says so; returns the final snapshot. */
    Progress.Snapshot run(BooleanSupplier stop, Duration progressEvery, Consumer<Progress.Snapshot> report) {
        Pacer p = new Pacer(rate, nanoClock);
        this.pacer = p;
        long deadline = maxDuration == null ? Long.MAX_VALUE : maxDuration.toNanos();
        long limit = maxEvents == null ? Long.MAX_VALUE : maxEvents;
        long reportEvery = progressEvery.toNanos();
        long nextReport = reportEvery;
        long count = 0;
        while (!stop.getAsBoolean() && count < limit && p.elapsedNanos() < deadline) {
            long due = Math.min(Math.min(p.due(count), MAX_TICK), limit - count);
            for (long i = 0; i < due; i++) {
                UserActivityEvent event = generator.next();
                sink.send(event);
                count++;
            }
            sent = count;
            if (p.elapsedNanos() >= nextReport) {
                report.accept(snapshot());
                nextReport += reportEvery;
            }
            if (due == 0) {
                long wait = Math.min(p.nanosUntilNext(count), MAX_PARK_NANOS);
                parkNanos.accept(Math.max(wait, MIN_PARK_NANOS));
            }
        }
        sink.flush();
        return snapshot();
    }

    long sent() {
        return sent;
    }

    Progress.Snapshot snapshot() {
        Pacer p = pacer;
        Duration elapsed = p == null ? Duration.ZERO : Duration.ofNanos(p.elapsedNanos());
        return new Progress.Snapshot(sent, sink.acknowledged(), sink.failed(), elapsed, remaining(elapsed));
    }

    private Duration remaining(Duration elapsed) {
        Duration byDuration = maxDuration == null ? null : maxDuration.minus(elapsed);
        Duration byEvents = maxEvents == null ? null
                : Duration.ofNanos((long) (Math.max(0, maxEvents - sent) * 1e9 / rate));
        if (byDuration == null) {
            return byEvents;
        }
        if (byEvents == null) {
            return byDuration;
        }
        return byDuration.compareTo(byEvents) < 0 ? byDuration : byEvents;
    }
}
