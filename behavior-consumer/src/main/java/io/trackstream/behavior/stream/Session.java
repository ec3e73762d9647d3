package io.trackstream.behavior.stream;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A closed session, as stored and served. Its id is derived from the user and the id of its first
 * event, so a replay or a restart produces the same id and overwrites the same row.
 *
 * @param sessionId a name-based UUID of user id and first event id
 * @param userId the user
 * @param clientSessionId the client's {@code session_id} of the first event that carried one, kept as an attribute
 * @param start the first event's time
 * @param end the last event's time
 * @param durationS end minus start, in seconds (fractions in ms)
 * @param eventCounts events by type
 * @param entryPage the first page (cleaned), or null without pages
 * @param exitPage the last page (cleaned), or null without pages
 * @param path the first {@value #PATH_LENGTH} pages
 * @param converted whether the session had a purchase
 * @param revenue the purchases' amounts per currency
 * @param firstPurchase the first purchase's time, or null
 * @param deviceType the device type of the first event that named one, or {@code unknown}
 * @param views page views (and searches) per page
 * @param transitions page-to-page steps, {@code from -> to}, with their counts
 */
public record Session(String sessionId, String userId, String clientSessionId, Instant start, Instant end,
                      double durationS, Map<String, Long> eventCounts, String entryPage, String exitPage,
                      List<String> path, boolean converted, Map<String, BigDecimal> revenue, Instant firstPurchase,
                      String deviceType, Map<String, Long> views, Map<String, Long> transitions) {

    /** How many pages make a journey. */
    public static final int PATH_LENGTH = 5;
    /** Between the two pages of a transition and the steps of a path. */
    public static final String ARROW = " -> ";
    public static final String UNKNOWN_DEVICE = "unknown";

    /** The deterministic session id: the same user and first event always give the same id. */
    public static String idOf(String userId, String firstEventId) {
        return UUID.nameUUIDFromBytes((userId + "\n" + firstEventId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Session of(OpenSession s) {
        return new Session(idOf(s.userId, s.firstEventId), s.userId, s.clientSessionId, Instant.ofEpochMilli(s.start),
                Instant.ofEpochMilli(s.end), (s.end - s.start) / 1000.0, Map.copyOf(s.counts),
                s.path.isEmpty() ? null : s.path.get(0), s.lastPage, List.copyOf(s.path), s.firstPurchase != null,
                Map.copyOf(s.revenue), s.firstPurchase == null ? null : Instant.ofEpochMilli(s.firstPurchase),
                s.device == null ? UNKNOWN_DEVICE : s.device, Map.copyOf(s.views), Map.copyOf(s.transitions));
    }

    long count(String type) {
        return eventCounts.getOrDefault(type, 0L);
    }
}
