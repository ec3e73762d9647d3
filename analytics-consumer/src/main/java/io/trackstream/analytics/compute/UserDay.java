package io.trackstream.analytics.compute;

import java.util.List;

/**
 * One user's day within its partition: what makes distinct counts and the funnel exact without
 * shipping sets around (a user's events all reach one task, keyed by user).
 *
 * @param events the user's counted events of the day (the most-active list)
 * @param funnelStep how many funnel steps the user has done in order (0 = none)
 * @param hours bit h set when the user was counted in hour h (UTC) of the day
 * @param countries the countries the user was counted in that day
 */
record UserDay(long events, int funnelStep, int hours, List<String> countries) {

    static final UserDay NEW = new UserDay(0, 0, 0, List.of());

    boolean seenInHour(int hour) {
        return (hours & (1 << hour)) != 0;
    }

    boolean seenIn(String country) {
        return countries.contains(country);
    }
}
