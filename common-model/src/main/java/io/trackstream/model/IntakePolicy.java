package io.trackstream.model;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits {@link EventCodec} applies on top of the field rules: how far in the future a
 * timestamp may be, from which clock difference the client's clock is corrected, and how large an
 * encoded event may get.
 *
 * @param maxFutureSkew a timestamp (after skew correction) later than received_at plus this is rejected
 * @param clockSkewThreshold when |received_at - sent_at| exceeds this, the timestamp is shifted by the difference
 * @param maxEventBytes the largest encoded event accepted, in bytes
 */
public record IntakePolicy(Duration maxFutureSkew, Duration clockSkewThreshold, int maxEventBytes) {

    /** 5 minutes into the future, clocks corrected beyond 5 seconds, 32 KB per event. */
    public static final IntakePolicy DEFAULTS =
            new IntakePolicy(Duration.ofMinutes(5), Duration.ofSeconds(5), 32 * 1024);

    public IntakePolicy {
        Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
        Objects.requireNonNull(clockSkewThreshold, "clockSkewThreshold");
        if (maxFutureSkew.isNegative() || clockSkewThreshold.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (maxEventBytes < 1) {
            throw new IllegalArgumentException("maxEventBytes must be >= 1, was " + maxEventBytes);
        }
    }
}
