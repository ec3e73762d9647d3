package io.trackstream.behavior.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * One user's sessionization state: events that arrived but may still be overtaken by an earlier one
 * within the grace (released in event-time order once the partition's stream time has passed them by
 * the grace), and the open session they are released into.
 */
public final class UserSessions {

    public List<Hit> pending = new ArrayList<>();
    public OpenSession open;

    boolean isEmpty() {
        return pending.isEmpty() && open == null;
    }
}
