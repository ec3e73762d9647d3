package io.trackstream.fraud.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the detector remembers of one user, kept in the {@value FraudTopology#USER_STATE_STORE}
 * store as JSON. Bounded: every list and map is pruned to its rule's window (and capped) as events
 * are judged, and a user idle for the retention is forgotten. Mutable, owned by one task's processor.
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

    /**
     * A session: its events judged so far (and too-late ones), whether it already raised
     * PURCHASE_WITHOUT_ACTIVITY, and its events received so far, judged or not.
     */
    record SessionSeen(int events, long lastTs, boolean alerted, int arrived) {
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
    /** the latest event time seen of the user: state idle for longer than the retention is dropped */
    public long lastTs;

    void sawSessionEvent(String sessionId, long ts) {
        SessionSeen before = sessions.remove(sessionId);
        sessions.put(sessionId, before == null ? new SessionSeen(1, ts, false, 0)
                : new SessionSeen(before.events() + 1, ts, before.alerted(), before.arrived()));
        trimOldest(sessions, MAX_SESSIONS);
    }

    /** An event of the session was received; returns how many had been received before it. */
    int arrived(String sessionId, long ts) {
        lastTs = Math.max(lastTs, ts);
        SessionSeen before = sessions.remove(sessionId);
        sessions.put(sessionId, before == null ? new SessionSeen(0, ts, false, 1)
                : new SessionSeen(before.events(), Math.max(ts, before.lastTs()), before.alerted(), before.arrived() + 1));
        trimOldest(sessions, MAX_SESSIONS);
        return before == null ? 0 : before.arrived();
    }

    /** An event too late to be judged: it still counts as earlier activity of its session. */
    void sawLateEvent(String sessionId) {
        SessionSeen before = sessions.get(sessionId);
        if (before != null) {
            sessions.put(sessionId, new SessionSeen(before.events() + 1, before.lastTs(), before.alerted(), before.arrived()));
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
