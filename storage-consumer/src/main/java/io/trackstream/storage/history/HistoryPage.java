package io.trackstream.storage.history;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One page of a user's history, newest first.
 *
 * @param userId the user asked for
 * @param events at most {@code limit} events in the contract's JSON shape
 * @param nextCursor where the next page starts, or null when this is the last page
 */
record HistoryPage(String userId, List<HistoryEvent> events,
        @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
}
