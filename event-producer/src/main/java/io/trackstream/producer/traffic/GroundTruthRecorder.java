package io.trackstream.producer.traffic;

import io.trackstream.model.KnownEventType;
import io.trackstream.model.UserActivityEvent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Accumulates the {@link GroundTruth} as events are emitted. Single-threaded, like the generator. */
final class GroundTruthRecorder {

    private final long seed;
    private long emitted;
    private long events;
    private final Map<String, Long> byType = new TreeMap<>();
    private final Map<String, Long> byUser = new TreeMap<>();
    private final Set<String> sessions = new HashSet<>();
    private long purchases;
    private BigDecimal revenue = BigDecimal.ZERO;
    private final List<MutableCase> cases = new ArrayList<>();
    private final List<String> late = new ArrayList<>();
    private final List<String> duplicates = new ArrayList<>();
    private final List<SessionTimes> endedSessions = new ArrayList<>();

    GroundTruthRecorder(long seed) {
        this.seed = seed;
    }

    void event(UserActivityEvent event, boolean isLate) {
        emitted++;
        events++;
        byType.merge(event.eventType(), 1L, Long::sum);
        byUser.merge(event.userId(), 1L, Long::sum);
        if (event.sessionId() != null) {
            sessions.add(event.sessionId());
        }
        if (KnownEventType.PURCHASE.wireName().equals(event.eventType())) {
            purchases++;
            if (event.properties() != null && event.properties().cartValue() != null) {
                revenue = revenue.add(event.properties().cartValue());
            }
        }
        if (isLate) {
            late.add(event.eventId());
        }
    }

    void duplicate(UserActivityEvent event) {
        emitted++;
        duplicates.add(event.eventId());
    }

    void sessionEnded(String sessionId, String userId, java.time.Instant start, java.time.Instant end,
                      java.time.Instant firstPurchase) {
        endedSessions.add(new SessionTimes(sessionId, userId, start, end, firstPurchase));
    }

    MutableCase startCase(FraudPattern pattern, String userId, String sessionId, int size) {
        MutableCase c = new MutableCase(pattern, userId, sessionId, size);
        cases.add(c);
        return c;
    }

    long emitted() {
        return emitted;
    }

    /** @param openSessions the sessions still open, after the ended ones */
    GroundTruth snapshot(List<SessionTimes> openSessions) {
        List<FraudCase> declared = cases.stream().map(MutableCase::toCase).toList();
        List<SessionTimes> sessionTimes = new ArrayList<>(endedSessions);
        sessionTimes.addAll(openSessions);
        return new GroundTruth(seed, emitted, events, new TreeMap<>(byType), new TreeMap<>(byUser),
                sessions.size(), purchases, revenue, Catalog.CURRENCY, declared, List.copyOf(late),
                List.copyOf(duplicates), List.copyOf(sessionTimes));
    }

    /** A fraud case whose events are still being emitted. */
    static final class MutableCase {
        private final FraudPattern pattern;
        private final String userId;
        private final String sessionId;
        private final int size;
        private final List<String> eventIds = new ArrayList<>();
        private UserActivityEvent first;

        MutableCase(FraudPattern pattern, String userId, String sessionId, int size) {
            this.pattern = pattern;
            this.userId = userId;
            this.sessionId = sessionId;
            this.size = size;
        }

        void emitted(UserActivityEvent event) {
            if (first == null) {
                first = event;
            }
            eventIds.add(event.eventId());
        }

        FraudCase toCase() {
            return new FraudCase(pattern, pattern.rule(), userId, sessionId, first == null ? null : first.timestamp(),
                    List.copyOf(eventIds), eventIds.size() == size);
        }
    }
}
