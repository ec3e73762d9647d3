package io.trackstream.behavior.stream;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the behaviour topology needs to know, free of Spring (the service binds it from
 * {@code trackstream.behavior.*}).
 *
 * @param inactivityGap a session ends after this long without an event (event time); a later event starts a new one
 * @param maxSessionLength a session is cut when an event comes this long or longer after its start
 * @param grace how far behind its partition's newest event an event may be and still be placed in order;
 *        older ones still count in the profile but not in sessions
 * @param idleClose when a partition has had no record for this long (wall clock), its open sessions are closed
 * @param flushInterval how often (wall clock) changed profiles, sessions and daily figures are written out
 * @param pathRules URL cleaning rules, applied in order after the query string and fragment are dropped
 * @param logEveryRecords an insights log line after this many records of a partition
 * @param logInterval ... or after this long, whichever comes first
 */
public record BehaviorSettings(Duration inactivityGap, Duration maxSessionLength, Duration grace, Duration idleClose,
                               Duration flushInterval, List<PathRule> pathRules, int logEveryRecords,
                               Duration logInterval) {

    public BehaviorSettings {
        Objects.requireNonNull(inactivityGap, "inactivityGap");
        Objects.requireNonNull(maxSessionLength, "maxSessionLength");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(idleClose, "idleClose");
        Objects.requireNonNull(flushInterval, "flushInterval");
        Objects.requireNonNull(logInterval, "logInterval");
        pathRules = List.copyOf(pathRules);
        positive(inactivityGap, "inactivity gap");
        positive(maxSessionLength, "max session length");
        positive(idleClose, "idle close");
        positive(flushInterval, "flush interval");
        positive(logInterval, "log interval");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, was " + grace);
        }
        if (logEveryRecords < 1) {
            throw new IllegalArgumentException("log every records must be >= 1, was " + logEveryRecords);
        }
    }

    /** The defaults: 30 min gap, 24 h cut, 2 min grace, idle close after the gap, products as {@code /p/:id}. */
    public static BehaviorSettings defaults() {
        return new BehaviorSettings(Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofMinutes(2),
                Duration.ofMinutes(30), Duration.ofSeconds(1), List.of(PathRule.PRODUCT), 100, Duration.ofSeconds(60));
    }

    private static void positive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
