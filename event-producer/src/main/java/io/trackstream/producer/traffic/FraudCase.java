package io.trackstream.producer.traffic;

import java.time.Instant;
import java.util.List;

/**
 * One injected fraud case as the ground truth declares it.
 *
 * @param pattern what kind of fraud
 * @param rule the fraud consumer's rule that must detect it ({@link FraudPattern#rule()})
 * @param userId whose account
 * @param sessionId the session its events carry
 * @param at the timestamp of its first event
 * @param eventIds its events in emission order
 * @param complete false when the run ended before all its events were emitted
 */
public record FraudCase(FraudPattern pattern, String rule, String userId, String sessionId, Instant at,
                        List<String> eventIds, boolean complete) {
}
