package io.trackstream.storage.history;

import io.trackstream.model.Instants;
import io.trackstream.model.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated history request. {@code from} is inclusive and {@code to} exclusive, so consecutive
 * windows never share an event; an empty {@code eventTypes} means every type.
 *
 * @param userId the user
 * @param limit the most events to return, 1..1000
 * @param eventTypes the types to keep, applied before the limit
 * @param from the earliest event time, or null
 * @param to the event time to stop before, or null
 * @param after where the previous page ended, or null for the newest events
 */
record HistoryQuery(String userId, int limit, Set<String> eventTypes, Instant from, Instant to, HistoryCursor after) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    /** Parses the raw parameters, reporting every bad one at once. */
    static HistoryQuery parse(String userId, Integer limit, List<String> eventTypes, String from, String to,
            String cursor) {
        List<Violation> errors = new ArrayList<>();
        int effectiveLimit = limit == null ? DEFAULT_LIMIT : limit;
        if (effectiveLimit < 1 || effectiveLimit > MAX_LIMIT) {
            errors.add(new Violation("limit", "must be between 1 and " + MAX_LIMIT + ", was " + effectiveLimit));
        }
        Set<String> types = new LinkedHashSet<>();
        if (eventTypes != null) {
            for (String type : eventTypes) {
                if (type == null || type.isBlank()) {
                    errors.add(new Violation("event_type", "must not be blank"));
                } else {
                    types.add(type);
                }
            }
        }
        Instant fromInstant = instant("from", from, errors);
        Instant toInstant = instant("to", to, errors);
        if (fromInstant != null && toInstant != null && toInstant.isBefore(fromInstant)) {
            errors.add(new Violation("to", "must not be before from"));
        }
        HistoryCursor after = null;
        if (cursor != null && !cursor.isEmpty()) {
            try {
                after = HistoryCursor.decode(cursor);
            } catch (IllegalArgumentException e) {
                errors.add(new Violation("cursor", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return new HistoryQuery(userId, effectiveLimit, Set.copyOf(types), fromInstant, toInstant, after);
    }

    private static Instant instant(String field, String value, List<Violation> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        // The contract's one parser: the same texts, years and wording as an event's instants.
        Instant instant = Instants.parse(value);
        if (instant == null) {
            errors.add(new Violation(field, Instants.FORMAT_RULE));
        }
        return instant;
    }

    boolean accepts(String eventType) {
        return eventTypes.isEmpty() || eventTypes.contains(eventType);
    }
}
