package io.trackstream.dashboard.live;

import io.trackstream.model.UserActivityEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.trackstream.dashboard.live.TestEvents.event;
import static io.trackstream.dashboard.live.TestEvents.pageView;
import static io.trackstream.dashboard.live.TestEvents.productView;
import static io.trackstream.dashboard.live.TestEvents.purchase;
import static org.assertj.core.api.Assertions.assertThat;

/** The merge of the partitions' partials into the snapshot, over a fixed wall clock. */
class SnapshotsTests {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00.400Z");
    static final Duration STALE = Duration.ofSeconds(15);

    private static Partial partial(int partition, List<UserActivityEvent> events, Instant now) {
        PartitionWindow window = new PartitionWindow();
        events.forEach(e -> window.record(e.userId(), EventFacts.of(e), now.getEpochSecond()));
        return window.partial(partition, now.toEpochMilli());
    }

    @Test
    void reads600EventsInTheLastMinuteAsTenPerSecond() {
        List<UserActivityEvent> events = new ArrayList<>();
        Instant currentSecond = Instant.parse("2026-11-20T10:00:00Z");
        for (int i = 1; i <= 600; i++) {
            String type = i % 3 == 0 ? "click" : "page_view";
            events.add(event("e-" + i, "u-" + (i % 40), type, currentSecond.minusMillis(100L * i)));
        }
        events.add(event("now", "u-0", "click", currentSecond.plusMillis(100))); // in the second under way

        Snapshot snapshot = Snapshots.merge(List.of(partial(0, events, NOW)), NOW, STALE, 10);

        assertThat(snapshot.eventsPerSecond()).isEqualTo(10.0);
        assertThat(snapshot.eventsPerSecondByType()).containsExactly(Map.entry("click", 3.33), Map.entry("page_view", 6.67));
        assertThat(snapshot.activeUsers()).isEqualTo(40);
        assertThat(snapshot.timeline()).hasSize(600);
        assertThat(snapshot.timeline().get(599).second()).isEqualTo(Instant.parse("2026-11-20T09:59:59Z"));
        assertThat(snapshot.timeline().stream().mapToLong(Snapshot.TimelineSecond::events).sum()).isEqualTo(600);
    }

    @Test
    void mergesTwoInstancesPartialsIntoTheFiguresOfOne() {
        List<UserActivityEvent> events = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String user = "u-" + (i % 17);
            Instant at = NOW.minusSeconds(i * 4L);
            events.add(switch (i % 4) {
                case 0 -> pageView("e-" + i, user, "/p/" + (i % 5), at);
                case 1 -> productView("e-" + i, user, "sku-" + (i % 3), "Product " + (i % 3), at);
                case 2 -> purchase("e-" + i, user, "10.25", i % 8 == 2 ? "USD" : "EUR", at);
                default -> event("e-" + i, user, "search", at);
            });
        }
        // a user lives in one partition: split by user, as the topic's key does
        List<UserActivityEvent> even = events.stream().filter(e -> e.userId().hashCode() % 2 == 0).toList();
        List<UserActivityEvent> odd = events.stream().filter(e -> e.userId().hashCode() % 2 != 0).toList();
        Instant later = NOW.plusMillis(300); // the instances publish a fraction of a second apart

        Snapshot single = Snapshots.merge(List.of(partial(0, events, NOW)), later, STALE, 10);
        Snapshot merged = Snapshots.merge(List.of(partial(0, even, NOW), partial(1, odd, later)), later, STALE, 10);

        assertThat(even).isNotEmpty();
        assertThat(odd).isNotEmpty();
        assertThat(merged.activeUsers()).isEqualTo(single.activeUsers()).isEqualTo(17);
        assertThat(merged.conversionRate()).isEqualTo(single.conversionRate());
        assertThat(merged.eventsPerSecond()).isEqualTo(single.eventsPerSecond());
        assertThat(merged.eventsPerSecondByType()).isEqualTo(single.eventsPerSecondByType());
        assertThat(merged.revenue()).isEqualTo(single.revenue());
        assertThat(merged.topPages()).isEqualTo(single.topPages());
        assertThat(merged.topProducts()).isEqualTo(single.topProducts());
        assertThat(merged.byDevice()).isEqualTo(single.byDevice());
        assertThat(merged.byCountry()).isEqualTo(single.byCountry());
        assertThat(merged.timeline()).isEqualTo(single.timeline());
        assertThat(merged.partitions()).isEqualTo(2);
    }

    @Test
    void answersConversionInPercentWithTwoDecimalsAndRevenueAsDecimalStrings() {
        List<UserActivityEvent> events = List.of(
                event("e-1", "u-1", "click", NOW), event("e-2", "u-2", "click", NOW), event("e-3", "u-3", "click", NOW),
                purchase("e-4", "u-3", "19.90", "USD", NOW), purchase("e-5", "u-3", "60.10", "USD", NOW));

        Snapshot snapshot = Snapshots.merge(List.of(partial(0, events, NOW)), NOW, STALE, 10);

        assertThat(snapshot.conversionRate()).isEqualTo(new BigDecimal("33.33"));
        assertThat(snapshot.revenue()).containsExactly(Map.entry("USD", "80.00"));
    }

    @Test
    void endsTheTimelineWithTheLastSecondEveryPartialSawWhole() {
        Partial early = partial(0, List.of(event("e-1", "u-1", "click", NOW.minusSeconds(1))), NOW.minusMillis(600));
        Partial late = partial(1, List.of(event("e-2", "u-2", "click", NOW.minusSeconds(1))), NOW);

        Snapshot snapshot = Snapshots.merge(List.of(early, late), NOW, STALE, 10);

        // the first partition published at 09:59:59.800, in the middle of 09:59:59
        assertThat(snapshot.timeline().get(599).second()).isEqualTo(Instant.parse("2026-11-20T09:59:58Z"));
    }

    @Test
    void leavesOutAPartialItsTaskStoppedPublishing() {
        Partial fresh = partial(0, List.of(event("e-1", "u-1", "click", NOW)), NOW);
        Partial stale = partial(1, List.of(event("e-2", "u-2", "click", NOW)), NOW.minusSeconds(20));

        Snapshot snapshot = Snapshots.merge(List.of(fresh, stale), NOW, STALE, 10);

        assertThat(snapshot.partitions()).isEqualTo(1);
        assertThat(snapshot.activeUsers()).isEqualTo(1);
    }

    @Test
    void isEmptyNotBrokenWithoutPartials() {
        Snapshot snapshot = Snapshots.empty(NOW);

        assertThat(snapshot.activeUsers()).isZero();
        assertThat(snapshot.conversionRate()).isEqualTo(new BigDecimal("0.00"));
        assertThat(snapshot.timeline()).hasSize(600).allSatisfy(s -> assertThat(s.events()).isZero());
    }
}
