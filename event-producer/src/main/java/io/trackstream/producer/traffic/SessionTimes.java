package io.trackstream.producer.traffic;

import java.time.Instant;

/**
 * One simulated session as the simulator ran it, for checking sessionization: times are the
 * moments its events were due, before any lateness was applied to them.
 *
 * @param sessionId the client session id its events carry
 * @param userId the user
 * @param start its first event's time
 * @param end its last event's time so far
 * @param firstPurchase its first purchase's time, or null
 */
public record SessionTimes(String sessionId, String userId, Instant start, Instant end, Instant firstPurchase) {
}
