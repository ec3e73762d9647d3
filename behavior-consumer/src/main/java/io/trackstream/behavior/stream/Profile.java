package io.trackstream.behavior.stream;

import io.trackstream.model.KnownEventType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user's profile, the original pipeline's {@code user_stats}, kept current: event figures move
 * with every event (late ones included), session figures and the segment with every closed
 * session. Mutable state of one user in {@link BehaviorTopology#PROFILE_STORE}; written out whole.
 */
public final class Profile {

    /** Without two sessions there is no usual gap: one week stands in for it. */
    static final Duration DEFAULT_SESSION_GAP = Duration.ofDays(7);

    public String userId;
    public long totalEvents;
    public Map<String, Long> eventsByType = new TreeMap<>();
    public long totalPurchases;
    public Map<String, BigDecimal> totalSpent = new TreeMap<>();
    public Instant firstSeen;
    public Instant lastActive;
    public Instant firstPurchase;
    public Instant lastPurchase;
    public long sessions;
    public long totalSessionMs;
    public Instant firstSessionStart;
    public Instant lastSessionStart;
    public Map<String, Long> sessionDevices = new TreeMap<>();
    /** Per UTC day of a closed session's start: purchases, searches and other events (not views or clicks). */
    public Map<String, long[]> sessionDays = new TreeMap<>();
    public String segment;

    static Profile empty(String userId) {
        Profile p = new Profile();
        p.userId = userId;
        return p;
    }

    void event(Hit hit) {
        totalEvents++;
        eventsByType.merge(hit.type(), 1L, Long::sum);
        Instant at = Instant.ofEpochMilli(hit.time());
        firstSeen = firstSeen == null || at.isBefore(firstSeen) ? at : firstSeen;
        // only moves forward: a late event never makes a user look less recent
        lastActive = lastActive == null || at.isAfter(lastActive) ? at : lastActive;
        if (hit.purchaseHit()) {
            totalPurchases++;
            if (hit.amount() != null) {
                totalSpent.merge(hit.currency(), hit.amount(), BigDecimal::add);
            }
            firstPurchase = firstPurchase == null || at.isBefore(firstPurchase) ? at : firstPurchase;
            lastPurchase = lastPurchase == null || at.isAfter(lastPurchase) ? at : lastPurchase;
        }
    }

    /** Adds a closed session and returns the segment over the 30 days that end on its day. */
    Segment session(Session s) {
        sessions++;
        totalSessionMs += s.end().toEpochMilli() - s.start().toEpochMilli();
        firstSessionStart = firstSessionStart == null || s.start().isBefore(firstSessionStart) ? s.start() : firstSessionStart;
        lastSessionStart = lastSessionStart == null || s.start().isAfter(lastSessionStart) ? s.start() : lastSessionStart;
        sessionDevices.merge(s.deviceType(), 1L, Long::sum);
        LocalDate day = LocalDate.ofInstant(s.start(), ZoneOffset.UTC);
        long searches = s.count(KnownEventType.SEARCH.wireName());
        long purchases = s.count(KnownEventType.PURCHASE.wireName());
        long others = s.eventCounts().values().stream().mapToLong(Long::longValue).sum() - searches - purchases
                - s.count(KnownEventType.PAGE_VIEW.wireName()) - s.count(KnownEventType.CLICK.wireName());
        sessionDays.merge(day.toString(), new long[]{purchases, searches, others},
                (a, b) -> new long[]{a[0] + b[0], a[1] + b[1], a[2] + b[2]});
        String from = day.minusDays(Segment.DAYS - 1).toString();
        // sessions close in start order per user, so days before the window are never needed again
        sessionDays.keySet().removeIf(d -> d.compareTo(from) < 0);
        long[] sum = new long[3];
        sessionDays.forEach((d, c) -> {
            if (d.compareTo(day.toString()) <= 0) {
                sum[0] += c[0];
                sum[1] += c[1];
                sum[2] += c[2];
            }
        });
        Segment result = Segment.of(sum[0], sum[1], sum[2]);
        segment = result.wireName();
        return result;
    }

    /**
     * Mean session length in seconds to the millisecond (half-even), 0 before the first closed
     * session. Divided exactly: a double quotient rounded afterwards lands on the wrong side of a tie.
     */
    public double avgSessionDurationS() {
        return sessions == 0 ? 0 : java.math.BigDecimal.valueOf(totalSessionMs)
                .divide(java.math.BigDecimal.valueOf(1000L * sessions), 3, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    /** The device type of most closed sessions (ties: alphabetical), or null before the first. */
    public String preferredDevice() {
        return sessionDevices.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
    }

    /**
     * The original pipeline's engagement score, kept because product teams already read it:
     * {@code min(100, 0.5 × total_events + 5 × total_purchases)}.
     */
    public double engagementScore() {
        return Math.min(100, 0.5 * totalEvents + 5 * totalPurchases);
    }

    /**
     * How likely the user has left, 0-1: the time since their last activity measured in their own
     * usual gap between sessions, {@code r / (r + 3 g)} with {@code r} = now − last_active and
     * {@code g} = (last session start − first session start) / (sessions − 1), or 7 days with fewer
     * than two sessions. 0 right after activity, 0.25 after one usual gap, 0.5 after three, towards 1.
     */
    public double churnRisk(Instant now) {
        if (lastActive == null) {
            return 1;
        }
        double recency = Math.max(0, now.toEpochMilli() - lastActive.toEpochMilli());
        double gap = sessions >= 2
                ? Math.max(1, (lastSessionStart.toEpochMilli() - firstSessionStart.toEpochMilli()) / (double) (sessions - 1))
                : DEFAULT_SESSION_GAP.toMillis();
        return recency / (recency + 3 * gap);
    }
}
