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
 */
public record TrafficSettings(long seed, int users, double lateFraction, Duration maxLateness,
                              double duplicateFraction, double fraudFraction) {

    public TrafficSettings {
        Objects.requireNonNull(maxLateness, "maxLateness");
        if (users < 1) {
            throw new IllegalArgumentException("users must be >= 1");
        }
    }

    /** Defaults with the given seed and users: 1 % late (up to 10 min), 1 % duplicates, 0.1 % fraud. */
    public static TrafficSettings defaults(long seed, int users) {
        return new TrafficSettings(seed, users, 0.01, Duration.ofMinutes(10), 0.01, 0.001);
    }
}
