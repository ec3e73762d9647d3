package io.trackstream.behavior.stream;

import io.trackstream.model.KnownEventType;

import java.util.Map;
import java.util.TreeMap;

/**
 * One partition's share of one UTC day's insights, from the sessions that started that day and have
 * closed. Each user lives on one partition, so the six partials of a day are disjoint and the day's
 * figures are their sum ({@link DailyInsights#merge}), taken at read time: no repartition, and each
 * partial is only ever written by its own task.
 */
public final class DailyPartial {

    public String day;
    public int partition;
    public long sessions;
    public long converted;
    public long withCart;
    public long cartAbandoned;
    public Map<String, Long> paths = new TreeMap<>();
    public Map<String, Long> transitions = new TreeMap<>();
    public Map<String, Long> views = new TreeMap<>();
    public Map<String, Long> exits = new TreeMap<>();
    /** Per user active that day: the segment after their last session of the day, and their sessions by device. */
    public Map<String, UserDay> users = new TreeMap<>();
    /** Session start to first purchase, whole seconds, with counts: exact percentiles at second resolution. */
    public Map<Long, Long> timeToPurchaseS = new TreeMap<>();
    public long timeToPurchaseSumMs;

    static DailyPartial empty(String day, int partition) {
        DailyPartial d = new DailyPartial();
        d.day = day;
        d.partition = partition;
        return d;
    }

    void add(Session s, Segment segment) {
        sessions++;
        boolean cart = s.count(KnownEventType.ADD_TO_CART.wireName()) > 0;
        if (cart) {
            withCart++;
        }
        if (s.converted()) {
            converted++;
            long ms = s.firstPurchase().toEpochMilli() - s.start().toEpochMilli();
            timeToPurchaseS.merge(ms / 1000, 1L, Long::sum);
            timeToPurchaseSumMs += ms;
        } else {
            if (cart) {
                cartAbandoned++;
            }
            if (s.exitPage() != null) {
                exits.merge(s.exitPage(), 1L, Long::sum);
            }
        }
        if (!s.path().isEmpty()) {
            paths.merge(String.join(Session.ARROW, s.path()), 1L, Long::sum);
        }
        s.transitions().forEach((k, v) -> transitions.merge(k, v, Long::sum));
        s.views().forEach((k, v) -> views.merge(k, v, Long::sum));
        UserDay user = users.computeIfAbsent(s.userId(), u -> new UserDay());
        user.segment = segment.wireName();
        user.devices.merge(s.deviceType(), 1L, Long::sum);
    }

    /** A user's day within a partial. */
    public static final class UserDay {
        public String segment;
        public Map<String, Long> devices = new TreeMap<>();
    }
}
