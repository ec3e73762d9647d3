package io.trackstream.fraud.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the detector remembers of one user, kept in the {@value FraudTopology#USER_STATE_STORE}
 * store as JSON. Bounded: every list and map is pruned to the longest rule window (and capped) as
 * events are judged. Mutable, owned by one task's processor.
 */
final class UserState {

    /** An event: its time and id. */
    record Stamp(long ts, String eventId) {
    }

    /** The last event that said where the user was. */
    record Seen(long ts, String eventId, String country, String city) {
    }

    /** A purchase under the small amount, waiting for a large one. */
    record Small(long ts, String eventId, String amount, String currency) {
    }

    /** A session's events so far, and whether it already raised PURCHASE_WITHOUT_ACTIVITY. */
    record SessionSeen(int events, long lastTs, boolean alerted) {
    }

    static final int MAX_PURCHASES = 200;
    static final int MAX_RECENT = 32;
    static final int MAX_SESSIONS = 32;
    static final int MAX_IPS = 64;

    public List<Stamp> purchases = new ArrayList<>();
    public boolean velocityOpen;
    /** ip to its latest event, least recent first */
    public LinkedHashMap<String, Stamp> ips = new LinkedHashMap<>();
    public boolean ipsOpen;
    public Seen lastPlace;
    public Small small;
    public LinkedHashMap<String, SessionSeen> sessions = new LinkedHashMap<>();
    /** times of the latest events, oldest first */
    public List<Long> recent = new ArrayList<>();

    void sawSessionEvent(String sessionId, long ts) {
        SessionSeen before = sessions.remove(sessionId);
        sessions.put(sessionId, new SessionSeen(before == null ? 1 : before.events() + 1, ts,
                before != null && before.alerted()));
        trimOldest(sessions, MAX_SESSIONS);
    }

    /** An event too late to be judged: it still counts as earlier activity, without moving the session's last time. */
    void sawLateEvent(String sessionId, long ts) {
        if (sessionId != null) {
            SessionSeen before = sessions.get(sessionId);
            if (before == null) {
                sessions.put(sessionId, new SessionSeen(1, ts, false));
                trimOldest(sessions, MAX_SESSIONS);
            } else {
                sessions.put(sessionId, new SessionSeen(before.events() + 1, Math.max(ts, before.lastTs()), before.alerted()));
            }
        }
    }

    static <K, V> void trimOldest(Map<K, V> map, int max) {
        var it = map.keySet().iterator();
        while (map.size() > max && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
