package io.trackstream.dashboard.live;

import io.trackstream.model.UserActivityEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.trackstream.dashboard.live.TestEvents.event;
import static io.trackstream.dashboard.live.TestEvents.pageView;
import static io.trackstream.dashboard.live.TestEvents.purchase;
import static org.assertj.core.api.Assertions.assertThat;

/** One partition's window maths over a fixed wall clock. */
class PartitionWindowTests {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00.400Z");

    private final PartitionWindow window = new PartitionWindow();

    private void record(UserActivityEvent event, Instant now) {
        window.record(event.userId(), EventFacts.of(event), Math.floorDiv(now.toEpochMilli(), 1000));
    }

    private Partial at(Instant now) {
        return window.partial(0, now.toEpochMilli());
    }

    @Test
    void countsAnEventStamped4m50sAgoInTheFiveMinuteFiguresButNotOneStamped5m10sAgo() {
        record(pageView("in", "u-1", "/in", NOW.minus(Duration.ofSeconds(290))), NOW);
        record(pageView("out", "u-2", "/out", NOW.minus(Duration.ofSeconds(310))), NOW);

        Partial partial = at(NOW);

        assertThat(partial.activeUsers()).isEqualTo(1);
        assertThat(partial.pages()).containsExactly(Map.entry("/in", 1L));
        assertThat(partial.devices()).containsExactly(Map.entry("desktop", 1L));
        // both are within the 10-minute timeline
        assertThat(partial.timeline()).hasSize(2);
    }

    @Test
    void letsAnEventLeaveTheFiguresAsTheClockMovesOn() {
        record(event("e-1", "u-1", "click", NOW.minus(Duration.ofSeconds(290))), NOW);

        assertThat(at(NOW.plusSeconds(9)).activeUsers()).isEqualTo(1);
        assertThat(at(NOW.plusSeconds(11)).activeUsers()).isZero();
        assertThat(at(NOW.plusSeconds(11)).countries()).isEmpty();
    }

    @Test
    void ignoresALateEventOlderThanTheTimelineAndDoesNotMakeItsUserActive() {
        PartitionWindow.Changes changes = window.record("u-1", EventFacts.of(
                event("late", "u-1", "click", NOW.minus(Duration.ofMinutes(20)))), NOW.getEpochSecond());
        record(event("old", "u-2", "click", NOW.minus(Duration.ofMinutes(7))), NOW);

        assertThat(changes).isEqualTo(PartitionWindow.Changes.NONE);
        Partial partial = at(NOW);
        assertThat(partial.activeUsers()).isZero();
        assertThat(partial.timeline()).singleElement().satisfies(s -> assertThat(s.byType()).containsEntry("click", 1L));
    }

    @Test
    void countsEachUserOnceAndPurchasersForTheConversion() {
        record(event("e-1", "u-1", "click", NOW.minusSeconds(10)), NOW);
        record(event("e-2", "u-1", "click", NOW.minusSeconds(5)), NOW);
        record(event("e-3", "u-2", "click", NOW.minusSeconds(5)), NOW);
        record(purchase("e-4", "u-2", "19.90", "EUR", NOW.minusSeconds(4)), NOW);
        record(purchase("e-5", "u-2", "60.10", "EUR", NOW.minusSeconds(3)), NOW);

        Partial partial = at(NOW);

        assertThat(partial.activeUsers()).isEqualTo(2);
        assertThat(partial.purchasingUsers()).isEqualTo(1);
        assertThat(partial.revenue()).containsExactly(Map.entry("EUR", new BigDecimal("80.00")));
    }

    @Test
    void countsAnEventStampedAheadOfTheClockOnceItsSecondComes() {
        record(event("e-1", "u-1", "click", NOW.plusSeconds(3)), NOW);

        assertThat(at(NOW).timeline()).isEmpty();
        assertThat(at(NOW.plusSeconds(3)).timeline()).hasSize(1);
    }

    @Test
    void forgetsWhatNoFigureNeedsAndReturnsItsStoreKeys() {
        record(purchase("e-1", "u-1", "5.00", "USD", NOW.minusSeconds(30)), NOW);

        PartitionWindow.Expired early = window.expire(NOW.plus(Duration.ofMinutes(4)).getEpochSecond());
        PartitionWindow.Expired users = window.expire(NOW.plus(Duration.ofMinutes(5)).getEpochSecond());
        PartitionWindow.Expired seconds = window.expire(NOW.plus(Duration.ofMinutes(10)).getEpochSecond());

        assertThat(early.countKeys()).isEmpty();
        assertThat(users.userIds()).containsExactly("u-1");
        assertThat(users.countKeys()).isEmpty();
        assertThat(seconds.countKeys()).hasSize(3); // type, device, country
        assertThat(seconds.revenueKeys()).hasSize(1);
        assertThat(at(NOW.plus(Duration.ofMinutes(10))).timeline()).isEmpty();
    }

    @Test
    void rebuildsTheSameFiguresFromItsStoreWrites() {
        List<UserActivityEvent> events = List.of(
                pageView("e-1", "u-1", "/a?utm=x", NOW.minusSeconds(20)),
                purchase("e-2", "u-1", "12.00", "USD", NOW.minusSeconds(10)),
                event("e-3", "u-2", "search", NOW.minusSeconds(1)));
        PartitionWindow restored = new PartitionWindow();
        for (UserActivityEvent event : events) {
            PartitionWindow.Changes changes = window.record(event.userId(), EventFacts.of(event), NOW.getEpochSecond());
            changes.counts().forEach((key, n) -> restored.restoreCount(CountKey.decode(key), n));
            changes.revenue().forEach((key, sum) -> restored.restoreRevenue(CountKey.revenueSecond(key),
                    CountKey.revenueCurrency(key), new BigDecimal(sum)));
            if (changes.user() != null) {
                restored.restoreUser(changes.userId(), changes.user());
            }
        }

        assertThat(restored.partial(0, NOW.toEpochMilli())).isEqualTo(at(NOW));
        assertThat(at(NOW).pages()).containsOnlyKeys("/a");
    }
}
