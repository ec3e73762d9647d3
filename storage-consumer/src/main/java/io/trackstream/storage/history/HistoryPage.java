package io.trackstream.storage.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.trackstream.model.UserActivityEvent;

import java.util.List;

/**
 * One page of a user's history, newest first.
 *
 * @param userId the user asked for
 * @param events at most {@code limit} events, the contract's type, so they go out in its JSON shape
 * @param nextCursor where the next page starts, or null when this is the last page
 */
record HistoryPage(String userId, List<UserActivityEvent> events,
        @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
}
