package io.trackstream.behavior;

import io.trackstream.model.UserActivityEvent;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the service should serve, recomputed from the topic's records with plain Java folds and none
 * of the topology's classes. It models the documented semantics: an event_id counts once; an event
 * more than the grace behind its partition's newest timestamp so far counts in the profile only;
 * a user's other events, in event-time order, make sessions split by a gap over 30 minutes or a
 * length of 24 hours; every session is closed in the end.
 */
final class Recomputation {

    static final Duration GAP = Duration.ofMinutes(30);
    static final Duration MAX = Duration.ofHours(24);
    static final Duration GRACE = Duration.ofMinutes(2);

    record Sess(String id, String userId, Instant start, Instant end, Map<String, Long> counts, List<String> path,
                String exit, BigDecimal revenue, String device) {
    }

    static final class Prof {
        long events;
        Map<String, Long> byType = new TreeMap<>();
        long purchases;
        BigDecimal spent = BigDecimal.ZERO;
        Instant firstSeen;
        Instant lastActive;
        Instant lastPurchase;
        String segment;
        Map<String, Long> devices = new TreeMap<>();
        long sessionMs;
        long sessions;
    }

    /** A day's sessions, paths and per-user segment with sessions by device. */
    static final class Day {
        long sessions;
        Map<String, Long> paths = new TreeMap<>();
        Map<String, String> segmentOfUser = new TreeMap<>();
        Map<String, Map<String, Long>> devicesOfUser = new TreeMap<>();
    }

    final Map<String, Prof> profiles = new TreeMap<>();
    final Map<String, List<Sess>> sessions = new TreeMap<>();
    final Map<LocalDate, Day> days = new TreeMap<>();
    long lateForSessions;

    /** @param partitions each partition's events in offset order */
    static Recomputation of(List<List<UserActivityEvent>> partitions) {
        Recomputation r = new Recomputation();
        Map<String, List<UserActivityEvent>> accepted = new LinkedHashMap<>();
        for (List<UserActivityEvent> partition : partitions) {
            Set<String> seen = new HashSet<>();
            Instant streamTime = Instant.MIN;
            for (UserActivityEvent e : partition) {
                streamTime = e.timestamp().isAfter(streamTime) ? e.timestamp() : streamTime;
                if (!seen.add(e.eventId())) {
                    continue;
                }
                r.profile(e);
                if (e.timestamp().isBefore(streamTime.minus(GRACE))) {
                    r.lateForSessions++;
                } else {
                    accepted.computeIfAbsent(e.userId(), u -> new ArrayList<>()).add(e);
                }
            }
        }
        accepted.forEach((user, events) -> {
            List<UserActivityEvent> ordered = new ArrayList<>(events);
            ordered.sort(Comparator.comparing(UserActivityEvent::timestamp)); // stable: arrival order on ties
            List<List<UserActivityEvent>> split = new ArrayList<>();
            for (UserActivityEvent e : ordered) {
                List<UserActivityEvent> current = split.isEmpty() ? null : split.get(split.size() - 1);
                if (current == null
                        || Duration.between(current.get(current.size() - 1).timestamp(), e.timestamp()).compareTo(GAP) > 0
                        || Duration.between(current.get(0).timestamp(), e.timestamp()).compareTo(MAX) >= 0) {
                    split.add(current = new ArrayList<>());
                }
                current.add(e);
            }
            Map<LocalDate, long[]> activity = new TreeMap<>();
            for (List<UserActivityEvent> s : split) {
                r.session(user, s, activity);
            }
        });
        return r;
    }

    private void profile(UserActivityEvent e) {
        Prof p = profiles.computeIfAbsent(e.userId(), u -> new Prof());
        p.events++;
        p.byType.merge(e.eventType(), 1L, Long::sum);
        p.firstSeen = p.firstSeen == null || e.timestamp().isBefore(p.firstSeen) ? e.timestamp() : p.firstSeen;
        p.lastActive = p.lastActive == null || e.timestamp().isAfter(p.lastActive) ? e.timestamp() : p.lastActive;
        if (e.eventType().equals("purchase")) {
            p.purchases++;
            p.spent = p.spent.add(amount(e));
            p.lastPurchase = p.lastPurchase == null || e.timestamp().isAfter(p.lastPurchase) ? e.timestamp() : p.lastPurchase;
        }
    }

    private void session(String user, List<UserActivityEvent> events, Map<LocalDate, long[]> activity) {
        Map<String, Long> counts = new TreeMap<>();
        List<String> pages = new ArrayList<>();
        BigDecimal revenue = BigDecimal.ZERO;
        String device = null;
        for (UserActivityEvent e : events) {
            counts.merge(e.eventType(), 1L, Long::sum);
            if ((e.eventType().equals("page_view") || e.eventType().equals("search")) && e.pageUrl() != null) {
                pages.add(clean(e.pageUrl()));
            }
            if (e.eventType().equals("purchase")) {
                revenue = revenue.add(amount(e));
            }
            if (device == null && e.device() != null) {
                device = e.device().type();
            }
        }
        UserActivityEvent first = events.get(0);
        Instant start = first.timestamp();
        Instant end = events.get(events.size() - 1).timestamp();
        String id = UUID.nameUUIDFromBytes((user + "\n" + first.eventId()).getBytes(StandardCharsets.UTF_8)).toString();
        Sess s = new Sess(id, user, start, end, counts, pages.subList(0, Math.min(5, pages.size())),
                pages.isEmpty() ? null : pages.get(pages.size() - 1), revenue, device == null ? "unknown" : device);
        sessions.computeIfAbsent(user, u -> new ArrayList<>()).add(s);

        LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
        long purchases = counts.getOrDefault("purchase", 0L);
        long searches = counts.getOrDefault("search", 0L);
        long others = counts.entrySet().stream().filter(c -> !Set.of("page_view", "click", "search", "purchase").contains(c.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        activity.merge(day, new long[]{purchases, searches, others}, (a, b) -> new long[]{a[0] + b[0], a[1] + b[1], a[2] + b[2]});
        long[] window = new long[3];
        activity.forEach((d, a) -> {
            if (!d.isBefore(day.minusDays(29)) && !d.isAfter(day)) {
                window[0] += a[0];
                window[1] += a[1];
                window[2] += a[2];
            }
        });
        String segment = window[0] > 0 ? "buyer" : window[1] > 0 ? "researcher" : window[2] == 0 ? "browser" : "other";

        Prof p = profiles.get(user);
        p.segment = segment;
        p.sessions++;
        p.sessionMs += Duration.between(start, end).toMillis();
        p.devices.merge(s.device(), 1L, Long::sum);

        Day d = days.computeIfAbsent(day, x -> new Day());
        d.sessions++;
        if (!s.path().isEmpty()) {
            d.paths.merge(String.join(" -> ", s.path()), 1L, Long::sum);
        }
        d.segmentOfUser.put(user, segment);
        d.devicesOfUser.computeIfAbsent(user, u -> new TreeMap<>()).merge(s.device(), 1L, Long::sum);
    }

    static String preferredDevice(Prof p) {
        long most = p.devices.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return p.devices.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** The day's top paths, most sessions first, equal counts by path. */
    static List<Map.Entry<String, Long>> topPaths(Day d, int limit) {
        return d.paths.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).toList();
    }

    private static BigDecimal amount(UserActivityEvent e) {
        if (e.properties() == null) {
            return BigDecimal.ZERO;
        }
        return e.properties().cartValue() != null ? e.properties().cartValue()
                : e.properties().price() != null ? e.properties().price() : BigDecimal.ZERO;
    }

    private static String clean(String url) {
        String path = url;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        int f = path.indexOf('#');
        if (f >= 0) {
            path = path.substring(0, f);
        }
        return path.isEmpty() ? "/" : path.replaceFirst("^/p/[^/]+", "/p/:id");
    }
}
