package io.trackstream.behavior.stream;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user's session while it is open, built from its events in event-time order. Mutable state of
 * one user, stored in {@link BehaviorTopology#OPEN_STORE} between records; only the processor of
 * that user's partition touches it. Bounded however long the session runs: counts and the distinct
 * pages and transitions, never the events themselves.
 */
public final class OpenSession {

    public String userId;
    public String firstEventId;
    public String clientSessionId;
    public String device;
    public long start;
    public long end;
    public Map<String, Long> counts = new TreeMap<>();
    public List<String> path = new ArrayList<>();
    public String lastPage;
    public Map<String, Long> views = new TreeMap<>();
    public Map<String, Long> transitions = new TreeMap<>();
    public Long firstPurchase;
    public Map<String, BigDecimal> revenue = new TreeMap<>();

    static OpenSession start(String userId, Hit first) {
        OpenSession s = new OpenSession();
        s.userId = userId;
        s.firstEventId = first.eventId();
        s.clientSessionId = first.clientSessionId();
        s.device = first.device();
        s.start = first.time();
        s.end = first.time();
        s.add(first);
        return s;
    }

    void add(Hit hit) {
        end = Math.max(end, hit.time());
        counts.merge(hit.type(), 1L, Long::sum);
        if (device == null) {
            device = hit.device();
        }
        if (clientSessionId == null) {
            clientSessionId = hit.clientSessionId();
        }
        if (hit.page() != null) {
            if (path.size() < Session.PATH_LENGTH) {
                path.add(hit.page());
            }
            views.merge(hit.page(), 1L, Long::sum);
            if (lastPage != null) {
                transitions.merge(lastPage + Session.ARROW + hit.page(), 1L, Long::sum);
            }
            lastPage = hit.page();
        }
        if (hit.purchaseHit()) {
            if (firstPurchase == null) {
                firstPurchase = hit.time();
            }
            if (hit.amount() != null) {
                revenue.merge(hit.currency(), hit.amount(), BigDecimal::add);
            }
        }
    }

    Session close() {
        return Session.of(this);
    }
}
