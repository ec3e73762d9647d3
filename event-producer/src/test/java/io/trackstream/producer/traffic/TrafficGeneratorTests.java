package io.trackstream.producer.traffic;

import io.trackstream.model.EventCodec;
import io.trackstream.model.KnownEventType;
import io.trackstream.model.UserActivityEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrafficGeneratorTests {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final EventCodec CODEC = EventCodec.create();

    private static List<UserActivityEvent> generate(TrafficSettings settings, int count) {
        TrafficGenerator generator = new TrafficGenerator(settings, EventClock.simulated(START, 200, 1));
        List<UserActivityEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(generator.next());
        }
        return events;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 1234, 99999})
    void emittedMixOfTenThousandEventsIsCloseToTheTarget(long seed) {
        // At 5 events/s 10,000 events span half an hour of event time: visits (minutes of think time
        // each) run their whole course, and the mix is that of whole visits, not of their openings.
        List<UserActivityEvent> events = generate(new TrafficSettings(seed, 1000, 0.01, Duration.ofMinutes(10), 0.01, 0.001, 5), 10_000);

        Map<String, Long> counts = events.stream()
                .collect(Collectors.groupingBy(UserActivityEvent::eventType, Collectors.counting()));
        double n = events.size();
        assertThat(counts.get("page_view") / n).isCloseTo(0.60, within(0.02));
        assertThat(counts.get("click") / n).isCloseTo(0.25, within(0.02));
        assertThat(counts.get("search") / n).isCloseTo(0.10, within(0.015));
        assertThat(counts.get("add_to_cart") / n).isCloseTo(0.03, within(0.006));
        assertThat(counts.get("purchase") / n).isCloseTo(0.02, within(0.006));
    }

    @Test
    void sameSeedGivesTheSameEvents() {
        TrafficSettings settings = TrafficSettings.defaults(42, 500);

        assertThat(generate(settings, 3_000)).isEqualTo(generate(settings, 3_000));
        assertThat(generate(new TrafficSettings(43, 500, 0.01, Duration.ofMinutes(10), 0.01, 0.001), 100))
                .isNotEqualTo(generate(settings, 100));
    }

    @Test
    void realClockChangesOnlyTheTimestamps() {
        TrafficSettings settings = TrafficSettings.defaults(42, 500);
        TrafficGenerator real = new TrafficGenerator(settings, EventClock.system(java.time.Clock.systemUTC()));
        List<UserActivityEvent> simulated = generate(settings, 500);

        for (UserActivityEvent expected : simulated) {
            UserActivityEvent actual = real.next();
            assertThat(EventFactory.withTimestamp(actual, expected.timestamp())).isEqualTo(expected);
        }
    }

    @Test
    void everyEventIsValidUnderTheContract() {
        TrafficSettings settings = new TrafficSettings(3, 300, 0.02, Duration.ofMinutes(10), 0.02, 0.02);
        List<UserActivityEvent> events = generate(settings, 5_000);
        // The simulated clock starts in 2024, so the server's clock is anything after the last event.
        Instant receivedAt = events.get(events.size() - 1).timestamp().plusSeconds(1);

        for (UserActivityEvent event : events) {
            EventCodec.Decoded decoded = CODEC.decodeClient(CODEC.encode(event), receivedAt);
            assertThat(decoded.violations()).as(CODEC.encodeToString(event)).isEmpty();
            assertThat(decoded.event().eventId()).isEqualTo(event.eventId());
            if (event.eventType().equals("purchase")) {
                assertThat(event.properties().cartValue()).isPositive();
            }
        }
    }

    @Test
    void cartValueIsTheRunningSumOfPricesAndAPurchaseEmptiesTheCart() {
        TrafficSettings settings = new TrafficSettings(11, 200, 0, Duration.ofMinutes(10), 0, 0);
        List<UserActivityEvent> events = generate(settings, 10_000);
        Map<String, BigDecimal> carts = new HashMap<>();
        Map<String, Integer> items = new HashMap<>();
        Set<String> searched = new HashSet<>();
        Map<String, String> firstUrl = new HashMap<>();
        int purchases = 0;

        for (UserActivityEvent e : events) {
            String session = e.sessionId();
            firstUrl.putIfAbsent(session, e.pageUrl());
            BigDecimal cart = carts.getOrDefault(session, BigDecimal.ZERO);
            switch (e.eventType()) {
                case "search" -> searched.add(session);
                case "add_to_cart" -> {
                    assertThat(e.pageUrl()).isEqualTo("/p/" + e.properties().productId());
                    BigDecimal expected = cart.add(e.properties().price());
                    assertThat(e.properties().cartValue()).isEqualByComparingTo(expected);
                    carts.put(session, expected);
                    items.merge(session, 1, Integer::sum);
                }
                case "purchase" -> {
                    purchases++;
                    assertThat(searched).as("searched before buying").contains(session);
                    assertThat(cart).isPositive();
                    assertThat(e.properties().cartValue()).isEqualByComparingTo(cart);
                    assertThat(e.properties().quantity()).isEqualTo(items.get(session));
                    carts.remove(session);
                    items.remove(session);
                }
                default -> {
                }
            }
        }
        assertThat(purchases).isGreaterThan(100);
        assertThat(firstUrl.values()).containsOnly("/");
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6, 8, 13, 21})
    void eachFraudPatternAppearsAsDeclaredInTheGroundTruth(long seed) {
        TrafficSettings settings = new TrafficSettings(seed, 500, 0.01, Duration.ofMinutes(10), 0.01, 0.02);
        List<UserActivityEvent> events = generate(settings, 5_000);
        GroundTruth truth = groundTruthOf(settings, 5_000);
        Map<String, UserActivityEvent> byId = events.stream()
                .collect(Collectors.toMap(UserActivityEvent::eventId, e -> e, (a, b) -> a));

        Set<FraudPattern> seen = new HashSet<>();
        for (FraudCase c : truth.fraudCases()) {
            if (!c.complete()) {
                continue;
            }
            seen.add(c.pattern());
            List<UserActivityEvent> caseEvents = c.eventIds().stream().map(byId::get).toList();
            assertThat(caseEvents).allSatisfy(e -> {
                assertThat(e.userId()).isEqualTo(c.userId());
                assertThat(e.sessionId()).isEqualTo(c.sessionId());
            });
            assertThat(caseEvents.get(0).timestamp()).isEqualTo(c.at());
            Duration span = Duration.between(c.at(), caseEvents.get(caseEvents.size() - 1).timestamp());
            assertThat(span).isLessThan(Duration.ofMinutes(1));
            List<BigDecimal> amounts = caseEvents.stream().filter(e -> e.eventType().equals("purchase"))
                    .map(e -> e.properties().cartValue()).toList();
            switch (c.pattern()) {
                case PURCHASE_BURST -> assertThat(amounts).hasSizeGreaterThanOrEqualTo(5);
                case MANY_IPS -> assertThat(caseEvents.stream().map(UserActivityEvent::ipAddress).distinct())
                        .hasSizeGreaterThanOrEqualTo(5);
                case IMPOSSIBLE_TRAVEL -> {
                    String first = caseEvents.get(0).location().country();
                    String last = caseEvents.get(caseEvents.size() - 1).location().country();
                    assertThat(first).isNotEqualTo(last);
                    Place a = placeOf(caseEvents.get(0));
                    Place b = placeOf(caseEvents.get(caseEvents.size() - 1));
                    assertThat(a.distanceKm(b)).isGreaterThan(5_000);
                }
                case TINY_THEN_LARGE -> {
                    assertThat(amounts).hasSize(2);
                    assertThat(amounts.get(0)).isLessThan(new BigDecimal("2"));
                    assertThat(amounts.get(1)).isGreaterThanOrEqualTo(new BigDecimal("1500"));
                }
                case VERY_HIGH_VALUE -> assertThat(amounts).singleElement()
                        .satisfies(a -> assertThat(a).isGreaterThanOrEqualTo(new BigDecimal("10000")));
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(FraudPattern.values());
    }

    @Test
    void lateAndDuplicateEventsAreEmittedAndDeclared() {
        TrafficSettings settings = new TrafficSettings(9, 300, 0.05, Duration.ofMinutes(10), 0.05, 0);
        List<UserActivityEvent> events = generate(settings, 4_000);
        GroundTruth truth = groundTruthOf(settings, 4_000);

        assertThat(truth.emitted()).isEqualTo(4_000);
        assertThat(truth.events() + truth.duplicateEventIds().size()).isEqualTo(4_000);
        assertThat(truth.duplicateEventIds()).hasSizeGreaterThan(100);
        Map<String, Long> idCounts = events.stream()
                .collect(Collectors.groupingBy(UserActivityEvent::eventId, Collectors.counting()));
        assertThat(truth.duplicateEventIds()).allSatisfy(id -> assertThat(idCounts.get(id)).isEqualTo(2));
        assertThat(idCounts.values().stream().filter(c -> c == 2).count())
                .isEqualTo(truth.duplicateEventIds().size());

        assertThat(truth.lateEventIds()).hasSizeGreaterThan(100);
        Set<String> late = Set.copyOf(truth.lateEventIds());
        Instant latestSoFar = Instant.MIN;
        int outOfOrder = 0;
        for (UserActivityEvent e : events) {
            if (late.contains(e.eventId()) && e.timestamp().isBefore(latestSoFar)) {
                outOfOrder++;
            }
            if (e.timestamp().isAfter(latestSoFar)) {
                latestSoFar = e.timestamp();
            }
        }
        assertThat(outOfOrder).isGreaterThan(truth.lateEventIds().size() / 2);
        assertThat(truth.countsByType().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(truth.events());
        assertThat(truth.countsByUser().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(truth.events());
        assertThat(truth.purchases()).isEqualTo(truth.countsByType().get(KnownEventType.PURCHASE.wireName()));
    }

    @ParameterizedTest
    @ValueSource(doubles = {5, 50, 500})
    void aSessionsEventsAreAThinkTimeApartAtAnyRate(double rate) {
        TrafficSettings settings = new TrafficSettings(17, 100_000, 0, Duration.ofMinutes(10), 0, 0, rate);
        TrafficGenerator generator = new TrafficGenerator(settings, EventClock.simulated(START, rate, 1));
        Map<String, Instant> last = new HashMap<>();
        List<Long> gaps = new ArrayList<>();
        // half an hour of event time at each rate: long enough to see think times of minutes
        for (int i = 0; i < rate * 1800; i++) {
            UserActivityEvent e = generator.next();
            Instant before = last.put(e.sessionId(), e.timestamp());
            if (before != null) {
                gaps.add(Duration.between(before, e.timestamp()).toMillis());
            }
        }
        double meanS = gaps.stream().mapToLong(Long::longValue).average().orElseThrow() / 1000;
        long withinSecondsToMinutes = gaps.stream().filter(g -> g >= 1_000 && g <= 11 * 60_000).count();

        assertThat(meanS).as("mean think time, s").isBetween(20.0, 45.0);
        assertThat(withinSecondsToMinutes).isGreaterThan(gaps.size() * 95L / 100);
        assertThat(settings.openSessions()).isEqualTo((int) settings.sessionsNeeded());
    }

    @Test
    void openSessionsAreCappedByTheUsersAndOneUserHasOneSessionAtATime() {
        TrafficSettings settings = new TrafficSettings(5, 50, 0, Duration.ofMinutes(10), 0, 0, 200);
        assertThat(settings.openSessions()).isEqualTo(50);
        TrafficGenerator generator = new TrafficGenerator(settings, EventClock.simulated(START, 200, 1));
        Map<String, String> sessionOfUser = new HashMap<>();
        Set<String> ended = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            UserActivityEvent e = generator.next();
            String before = sessionOfUser.put(e.userId(), e.sessionId());
            if (before != null && !before.equals(e.sessionId())) {
                assertThat(ended.add(before)).as("a user's earlier session does not come back").isTrue();
            }
            assertThat(ended).doesNotContain(e.sessionId());
        }
    }

    @Test
    void theGroundTruthCarriesEachSessionsStartEndAndPurchase() {
        TrafficSettings settings = new TrafficSettings(23, 2_000, 0, Duration.ofMinutes(10), 0, 0, 200);
        TrafficGenerator generator = new TrafficGenerator(settings, EventClock.simulated(START, 200, 1));
        Map<String, List<UserActivityEvent>> bySession = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            UserActivityEvent e = generator.next();
            bySession.computeIfAbsent(e.sessionId(), k -> new ArrayList<>()).add(e);
        }
        List<SessionTimes> times = generator.groundTruth().sessionTimes();

        assertThat(times).hasSize(bySession.size());
        assertThat(times).allSatisfy(t -> {
            List<UserActivityEvent> events = bySession.get(t.sessionId());
            assertThat(events.get(0).timestamp()).isEqualTo(t.start());
            assertThat(events.get(events.size() - 1).timestamp()).isEqualTo(t.end());
            assertThat(events.stream().filter(e -> e.eventType().equals("purchase")).map(UserActivityEvent::timestamp).findFirst())
                    .isEqualTo(java.util.Optional.ofNullable(t.firstPurchase()));
        });
    }

    private static Place placeOf(UserActivityEvent e) {
        return Place.ALL.stream().filter(p -> p.city().equals(e.location().city())).findFirst().orElseThrow();
    }

    private static GroundTruth groundTruthOf(TrafficSettings settings, int count) {
        TrafficGenerator generator = new TrafficGenerator(settings, EventClock.simulated(START, 200, 1));
        for (int i = 0; i < count; i++) {
            generator.next();
        }
        return generator.groundTruth();
    }
}
