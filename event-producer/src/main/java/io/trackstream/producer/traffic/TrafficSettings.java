package io.trackstream.producer.traffic;

import java.time.Duration;
import java.util.Objects;

/**
 * What the generator needs to know, free of Spring: the seed, how many users, and the fractions of
 * late, duplicated and fraudulent traffic.
 *
 * @param seed the same seed gives the same stream
 * @param users how many distinct users, ids {@code user-000001} and up
 * @param lateFraction share of events stamped up to {@code maxLateness} in the past
 * @param maxLateness how late a late event can be
 * @param duplicateFraction share of events sent a second time with the same event id
 * @param fraudFraction the chance, per event, of starting an injected fraud case
 * @param eventsPerSecond events per second of event time (the rate divided by the time scale): with
 *        the think times it sets how many sessions are open at once
 */
public record TrafficSettings(long seed, int users, double lateFraction, Duration maxLateness,
                              double duplicateFraction, double fraudFraction, double eventsPerSecond) {

    /** The rate of the tests' simulated clock, 200 events per second. */
    static final double DEFAULT_EVENTS_PER_SECOND = 200;

    public TrafficSettings {
        Objects.requireNonNull(maxLateness, "maxLateness");
        if (users < 1) {
            throw new IllegalArgumentException("users must be >= 1");
        }
        if (!(eventsPerSecond > 0)) {
            throw new IllegalArgumentException("eventsPerSecond must be > 0, was " + eventsPerSecond);
        }
    }

    public TrafficSettings(long seed, int users, double lateFraction, Duration maxLateness,
                           double duplicateFraction, double fraudFraction) {
        this(seed, users, lateFraction, maxLateness, duplicateFraction, fraudFraction, DEFAULT_EVENTS_PER_SECOND);
    }

    /**
     * How many sessions are open at once: enough that each user thinks for the drawn time and the
     * rate is still met (events per second × mean think time), at most one per user.
     */
    public int openSessions() {
        return (int) Math.max(1, Math.min(users, sessionsNeeded()));
    }

    /** Events per second × mean think time: the sessions the rate needs open, before the cap by users. */
    public long sessionsNeeded() {
        return (long) Math.ceil(eventsPerSecond * Segment.meanThinkSeconds());
    }

    /** Defaults with the given seed and users: 1 % late (up to 10 min), 1 % duplicates, 0.1 % fraud. */
    public static TrafficSettings defaults(long seed, int users) {
        return new TrafficSettings(seed, users, 0.01, Duration.ofMinutes(10), 0.01, 0.001);
    }
}
