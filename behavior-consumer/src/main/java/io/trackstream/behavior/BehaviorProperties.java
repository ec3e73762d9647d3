package io.trackstream.behavior;

import io.trackstream.behavior.stream.BehaviorSettings;
import io.trackstream.behavior.stream.PathRule;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * {@code trackstream.behavior.*}: how sessions are cut and how often results are written and logged.
 * Checked at start: a bad value stops the service with a message naming it.
 *
 * @param inactivityGap a session ends after this long without an event, in event time
 * @param maxSessionLength a session is cut when an event comes this long after its start
 * @param grace how far behind the partition's newest event an event may arrive and still be placed in
 *        order in its session; later ones count in the profile only
 * @param idleClose a partition with no record for this long (wall clock) closes its open sessions;
 *        stream time does not move without records
 * @param flushInterval how often changed profiles, sessions and daily figures are written to Cassandra
 * @param pathRules URL cleaning rules {@code pattern=>replacement}, applied in order after the query
 *        string is dropped
 * @param logEveryRecords an insights log line per partition after this many records...
 * @param logInterval ...or after this long, whichever comes first
 */
@ConfigurationProperties("trackstream.behavior")
@Validated
public record BehaviorProperties(
        @DefaultValue("30m") @NotNull Duration inactivityGap,
        @DefaultValue("24h") @NotNull Duration maxSessionLength,
        @DefaultValue("2m") @NotNull Duration grace,
        @DefaultValue("30m") @NotNull Duration idleClose,
        @DefaultValue("1s") @NotNull Duration flushInterval,
        @DefaultValue("^/p/[^/]+=>/p/:id") @NotNull List<String> pathRules,
        @DefaultValue("100") @Min(1) @Max(100_000_000) int logEveryRecords,
        @DefaultValue("60s") @NotNull Duration logInterval) {

    /** The plain settings of the topology; throws naming the setting that is out of range. */
    public BehaviorSettings toSettings() {
        return new BehaviorSettings(inactivityGap, maxSessionLength, grace, idleClose, flushInterval,
                pathRules.stream().map(PathRule::parse).toList(), logEveryRecords, logInterval);
    }
}
