package io.trackstream.producer;

import java.util.function.LongSupplier;

/**
 * Keeps a steady rate against a nanosecond clock: event {@code n} (from 0) is due {@code n / rate}
 * seconds after the start, and {@link #due(long)} says how many are due now. The caller emits that
 * many in one go and then waits {@link #nanosUntilNext(long)}, so at high rates events go out in
 * ticks of several, with no sleep per event, and a slow tick is caught up in the next one.
 */
final class Pacer {

    private final double ratePerSecond;
    private final LongSupplier nanoClock;
    private final long startNanos;

    Pacer(double ratePerSecond, LongSupplier nanoClock) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be > 0");
        }
        this.ratePerSecond = ratePerSecond;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /** How many events are due now, given that {@code sent} were already emitted. */
    long due(long sent) {
        double elapsedSeconds = (nanoClock.getAsLong() - startNanos) / 1e9;
        long dueTotal = (long) Math.floor(elapsedSeconds * ratePerSecond) + 1;
        return Math.max(0, dueTotal - sent);
    }

    /** Nanoseconds until the next event is due (0 when one is due already). */
    long nanosUntilNext(long sent) {
        long dueAt = startNanos + (long) Math.ceil(sent * 1e9 / ratePerSecond);
        return Math.max(0, dueAt - nanoClock.getAsLong());
    }

    /** Nanoseconds since the start. */
    long elapsedNanos() {
        return nanoClock.getAsLong() - startNanos;
    }
}
