package io.trackstream.fraud.detect;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

/**
 * One alert, as it goes to {@code fraud-alerts} (JSON, snake_case, key = {@code user_id}), into
 * Cassandra and out of the API.
 *
 * @param alertId name-based UUID of rule, user and triggering event: a replay gives the same id
 * @param rule the rule's name
 * @param severity LOW, MEDIUM or HIGH
 * @param userId whose events
 * @param eventIds the events that made the case, the triggering one last
 * @param eventTime the triggering event's time
 * @param detectedAt when the detector raised it (wall clock)
 * @param details the evidence: amounts, counts, IPs, places with distance and speed
 */
public record FraudAlert(String alertId, String rule, String severity, String userId, List<String> eventIds,
                         Instant eventTime, Instant detectedAt, Map<String, Object> details) {

    /** The deterministic id of the alert a rule raises for a user at an event. */
    public static String idFor(String rule, String userId, String triggeringEventId) {
        return UUID.nameUUIDFromBytes((rule + "\n" + userId + "\n" + triggeringEventId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
