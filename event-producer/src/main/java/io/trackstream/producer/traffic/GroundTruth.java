package io.trackstream.producer.traffic;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a run generated, for tests and the benchmark to check consumers against. Counts are of
 * distinct events (a duplicate is one event sent twice, listed in {@code duplicateEventIds});
 * {@code emitted} counts every send, duplicates included.
 *
 * @param seed the seed of the run
 * @param emitted records sent, duplicates included
 * @param events distinct events
 * @param countsByType distinct events per event type
 * @param countsByUser distinct events per user id
 * @param sessions sessions that emitted at least one event (fraud sessions included)
 * @param purchases distinct purchase events
 * @param revenue the sum of the purchases' {@code cart_value}
 * @param currency the currency of every amount
 * @param fraudCases each injected fraud case
 * @param lateEventIds events stamped in the past and emitted out of order
 * @param duplicateEventIds events emitted twice
 * @param sessionTimes each simulated shopper session (fraud cases aside): start, end and first purchase
 */
public record GroundTruth(long seed, long emitted, long events, Map<String, Long> countsByType,
                          Map<String, Long> countsByUser, long sessions, long purchases, BigDecimal revenue,
                          String currency, List<FraudCase> fraudCases, List<String> lateEventIds,
                          List<String> duplicateEventIds, List<SessionTimes> sessionTimes) {
}
