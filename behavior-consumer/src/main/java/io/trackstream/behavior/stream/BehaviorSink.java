package io.trackstream.behavior.stream;

import java.util.List;

/**
 * Where the topology writes what changed: full current values, never increments, so writing the
 * same batch twice (a replay after a crash) leaves the same rows. Called on the stream thread from
 * the flush punctuation; a failure fails the task, which then resumes from its last commit and
 * writes again.
 */
public interface BehaviorSink {

    void write(Batch batch);

    /**
     * What one flush writes.
     *
     * @param sessions sessions closed since the last flush
     * @param profiles the current profile of every user that changed
     * @param days the current partial of every (day, partition) that changed
     */
    record Batch(List<Session> sessions, List<Profile> profiles, List<DailyPartial> days) {

        public boolean isEmpty() {
            return sessions.isEmpty() && profiles.isEmpty() && days.isEmpty();
        }
    }
}
