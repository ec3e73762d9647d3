package io.trackstream.model;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits {@link EventCodec} applies on top of the field rules: how far in the future a
 * timestamp may be, from which clock difference the client's clock is corrected and up to which
 * difference it can be, and how large an encoded event may get.
 *
 * @param maxFutureSkew a timestamp (after skew correction) later than received_at plus this is rejected
 * @param clockSkewThreshold when |received_at - sent_at| exceeds this, the timestamp is shifted by the difference
 * @param maxSkewCorrection the largest |received_at - sent_at| that is corrected; a sent_at further off is
 *        rejected (a 400 naming {@code sent_at}), see {@link #DEFAULTS}
 * @param maxEventBytes the largest encoded event accepted, in bytes
 */
public record IntakePolicy(Duration maxFutureSkew, Duration clockSkewThreshold, Duration maxSkewCorrection,
                           int maxEventBytes) {

    /**
     * 5 minutes into the future, clocks corrected beyond 5 seconds and up to 24 hours, 32 KB per event.
     *
     * <p>Why 24 hours, and why a refusal beyond: a device clock set to the right local time in the
     * wrong zone, the common real skew, is at most 14 hours off UTC (plus an hour of daylight saving
     * time); a day covers it and a wrong date by one. A clock further off (a reset device in 1970, a
     * sent_at in 9999) has no trustworthy reading at all: correcting by decades moved a 9999 sent_at's
     * event to the year -5948, and ignoring sent_at would file the event decades away, where no
     * history page shows it, without anyone knowing. A 400 naming sent_at tells the integrator that
     * the client's clock is broken, and nothing is stored at a wrong time.
     */
    public static final IntakePolicy DEFAULTS =
            new IntakePolicy(Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofHours(24), 32 * 1024);

    public IntakePolicy {
        Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
        Objects.requireNonNull(clockSkewThreshold, "clockSkewThreshold");
        Objects.requireNonNull(maxSkewCorrection, "maxSkewCorrection");
        if (maxFutureSkew.isNegative() || clockSkewThreshold.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (maxSkewCorrection.compareTo(clockSkewThreshold) < 0) {
            throw new IllegalArgumentException("maxSkewCorrection must not be below clockSkewThreshold, was "
                    + maxSkewCorrection + " < " + clockSkewThreshold);
        }
        if (maxEventBytes < 1) {
            throw new IllegalArgumentException("maxEventBytes must be >= 1, was " + maxEventBytes);
        }
    }
}
