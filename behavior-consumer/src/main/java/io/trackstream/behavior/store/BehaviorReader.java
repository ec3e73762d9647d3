package io.trackstream.behavior.store;

import io.trackstream.behavior.stream.DailyPartial;
import io.trackstream.behavior.stream.Profile;
import io.trackstream.behavior.stream.Session;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the API reads: profiles, a user's sessions newest first, and a day's partials. */
public interface BehaviorReader {

    Optional<Profile> profile(String userId);

    /**
     * @param cursor null for the first page, else a {@link SessionPage#nextCursor()}
     * @throws IllegalArgumentException when the cursor is not one this service handed out
     */
    SessionPage sessions(String userId, int limit, String cursor);

    List<DailyPartial> day(LocalDate day);

    /**
     * One page of a user's sessions.
     *
     * @param sessions newest first
     * @param nextCursor where the next page starts, or null after the last
     */
    record SessionPage(List<Session> sessions, String nextCursor) {
    }
}
