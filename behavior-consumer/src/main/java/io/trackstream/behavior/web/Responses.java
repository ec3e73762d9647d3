package io.trackstream.behavior.web;

import io.trackstream.behavior.stream.DailyInsights;
import io.trackstream.behavior.stream.Profile;
import io.trackstream.behavior.stream.Session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The API's answers, written snake_case by the contract's mapper; money as decimal strings per currency. */
final class Responses {

    private Responses() {
    }

    /** A user profile, the original {@code user_stats} with its scores (churn risk as of the request). */
    record ProfileResponse(String userId, long totalEvents, Map<String, Long> eventsByType, long totalPurchases,
                           Map<String, String> totalSpent, Instant firstSeen, Instant lastActive, Instant firstPurchase,
                           Instant lastPurchase, Double timeToFirstPurchaseS, long sessions, double avgSessionDurationS,
                           String segment, String preferredDevice, double engagementScore, double churnRisk) {

        static ProfileResponse of(Profile p, Instant now) {
            return new ProfileResponse(p.userId, p.totalEvents, p.eventsByType, p.totalPurchases, money(p.totalSpent),
                    p.firstSeen, p.lastActive, p.firstPurchase, p.lastPurchase,
                    p.firstPurchase == null ? null : Duration.between(p.firstSeen, p.firstPurchase).toMillis() / 1000.0,
                    p.sessions, p.avgSessionDurationS(), p.segment, p.preferredDevice(), p.engagementScore(),
                    round(p.churnRisk(now), 4));
        }
    }

    /** One closed session. */
    record SessionResponse(String sessionId, String clientSessionId, Instant start, Instant end, double durationS,
                           Map<String, Long> eventCounts, String entryPage, String exitPage, List<String> path,
                           boolean converted, Map<String, String> revenue, Instant firstPurchase, String deviceType) {

        static SessionResponse of(Session s) {
            return new SessionResponse(s.sessionId(), s.clientSessionId(), s.start(), s.end(), s.durationS(),
                    new TreeMap<>(s.eventCounts()), s.entryPage(), s.exitPage(), s.path(), s.converted(), money(s.revenue()),
                    s.firstPurchase(), s.deviceType());
        }
    }

    record SessionsResponse(String userId, List<SessionResponse> sessions, String nextCursor) {
    }

    record PathCount(List<String> path, long sessions) {
    }

    record PathsResponse(String date, long sessions, List<PathCount> paths) {
    }

    record Transition(String from, String to, long count) {
    }

    record TransitionsResponse(String date, List<Transition> transitions) {
    }

    record CartAbandonment(long sessionsWithCart, long abandoned, BigDecimal rate) {
    }

    record DropoffsResponse(String date, long sessions, List<DailyInsights.Dropoff> dropoffs, CartAbandonment cartAbandonment) {
    }

    record SegmentResponse(long users, Map<String, Long> sessionsByDevice, Map<String, BigDecimal> deviceShare) {

        static SegmentResponse of(DailyInsights.SegmentFigures f) {
            long total = f.sessionsByDevice().values().stream().mapToLong(Long::longValue).sum();
            Map<String, BigDecimal> share = new TreeMap<>();
            f.sessionsByDevice().forEach((device, n) -> share.put(device,
                    BigDecimal.valueOf(n).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_EVEN)));
            return new SegmentResponse(f.users(), new TreeMap<>(f.sessionsByDevice()), share);
        }
    }

    record SegmentsResponse(String date, Map<String, SegmentResponse> segments) {
    }

    record TimeToPurchaseResponse(String date, long purchasingSessions, Long p50S, Long p90S, BigDecimal meanS) {
    }

    static Map<String, String> money(Map<String, BigDecimal> amounts) {
        Map<String, String> out = new TreeMap<>();
        amounts.forEach((currency, amount) -> out.put(currency, amount.toPlainString()));
        return out;
    }

    private static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
    }
}
