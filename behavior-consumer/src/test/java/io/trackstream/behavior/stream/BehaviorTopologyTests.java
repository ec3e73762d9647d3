package io.trackstream.behavior.stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trackstream.model.EventCodec;
import io.trackstream.model.EventRecords;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The behaviour topology in a TopologyTestDriver: sessions, profiles, segments and journeys, with the sink in memory. */
class BehaviorTopologyTests {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final Duration FLUSH = Duration.ofSeconds(1);

    private final EventCodec codec = EventCodec.create();
    private final EventRecords records = new EventRecords(codec);
    private final MemorySink sink = new MemorySink();
    private final AtomicInteger ids = new AtomicInteger();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> input;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        BehaviorTopology.build(builder, Duration.ofHours(1), BehaviorSettings.defaults(), sink, codec.mapper(),
                new SimpleMeterRegistry());
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "behavior-topology-tests");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RecoveringDeserializationExceptionHandler.class);
        config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.USER_ACTIVITIES_DLT);
        driver = new TopologyTestDriver(builder.build(), config, T0);
        input = driver.createInputTopic(Topics.USER_ACTIVITIES, new StringSerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic(Topics.USER_ACTIVITIES_DLT, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    // --- sessions

    @Test
    void eventsTwentyNineMinutesApartAreOneSession() {
        send("u-1", "page_view", T0, "/");
        send("u-1", "page_view", T0.plus(Duration.ofMinutes(29)), "/c/shoes");
        closeByStreamTime();

        assertThat(sink.sessionsOf("u-1")).singleElement().satisfies(s -> {
            assertThat(s.start()).isEqualTo(T0);
            assertThat(s.end()).isEqualTo(T0.plus(Duration.ofMinutes(29)));
            assertThat(s.durationS()).isEqualTo(29 * 60.0);
            assertThat(s.eventCounts()).containsEntry("page_view", 2L);
            assertThat(s.entryPage()).isEqualTo("/");
            assertThat(s.exitPage()).isEqualTo("/c/shoes");
        });
    }

    @Test
    void eventsThirtyOneMinutesApartAreTwoSessions() {
        send("u-1", "page_view", T0, "/");
        send("u-1", "page_view", T0.plus(Duration.ofMinutes(31)), "/");
        closeByStreamTime();

        assertThat(sink.sessionsOf("u-1")).extracting(Session::start)
                .containsExactly(T0, T0.plus(Duration.ofMinutes(31)));
    }

    @Test
    void aSessionIsCutAtTwentyFourHours() {
        for (int i = 0; i <= 24 * 4; i++) {
            send("u-1", "click", T0.plus(Duration.ofMinutes(15L * i)), null);
        }
        closeByStreamTime();

        List<Session> sessions = sink.sessionsOf("u-1");
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0).end()).isEqualTo(T0.plus(Duration.ofHours(24)).minus(Duration.ofMinutes(15)));
        assertThat(sessions.get(1).start()).isEqualTo(T0.plus(Duration.ofHours(24)));
    }

    @Test
    void aLateEventWithinTheGraceIsPlacedInOrder() {
        send("u-1", "page_view", T0, "/");
        send("u-1", "page_view", T0.plus(Duration.ofMinutes(31)), "/c/late-overtaken");
        // 90 s older than the newest event, within the 2 min grace: it bridges the 31 minutes
        send("u-1", "page_view", T0.plus(Duration.ofSeconds(29 * 60 + 30)), "/p/77");
        closeByStreamTime();

        assertThat(sink.sessionsOf("u-1")).singleElement().satisfies(s -> {
            assertThat(s.path()).containsExactly("/", "/p/:id", "/c/late-overtaken");
            assertThat(s.transitions()).containsOnlyKeys("/ -> /p/:id", "/p/:id -> /c/late-overtaken");
        });
    }

    @Test
    void anEventLaterThanTheGraceCountsInTheProfileButNotInSessions() {
        send("u-1", "page_view", T0, "/");
        send("u-2", "page_view", T0.plus(Duration.ofMinutes(10)), "/");
        send("u-1", "click", T0.plus(Duration.ofMinutes(1)), null);
        closeByStreamTime();

        assertThat(sink.sessionsOf("u-1")).singleElement().satisfies(s -> assertThat(s.eventCounts()).containsOnlyKeys("page_view"));
        assertThat(sink.profiles.get("u-1").totalEvents).isEqualTo(2);
    }

    @Test
    void aDuplicateCountsOnce() {
        UserActivityEvent purchase = event("u-1", "purchase", T0, null, "{\"cart_value\":50.00,\"currency\":\"USD\"}");
        send(purchase);
        send(purchase);
        closeByStreamTime();

        assertThat(sink.profiles.get("u-1").totalPurchases).isEqualTo(1);
        assertThat(sink.sessionsOf("u-1")).singleElement().satisfies(s -> assertThat(s.eventCounts()).containsEntry("purchase", 1L));
    }

    @Test
    void aQuietPartitionClosesItsSessionsByTheWallClock() {
        send("u-1", "page_view", T0, "/");
        send("u-1", "click", T0.plusSeconds(30), null);
        driver.advanceWallClockTime(Duration.ofMinutes(29));
        assertThat(sink.sessionsOf("u-1")).isEmpty();

        driver.advanceWallClockTime(Duration.ofMinutes(1).plus(FLUSH));

        assertThat(sink.sessionsOf("u-1")).singleElement().satisfies(s -> assertThat(s.end()).isEqualTo(T0.plusSeconds(30)));
        assertThat(sink.profiles.get("u-1").sessions).isEqualTo(1);
    }

    @Test
    void theSessionIdIsDeterministicAndTheClientSessionIdIsKept() {
        send(event("u-1", "page_view", T0, "/", null));
        closeByStreamTime();

        Session s = sink.sessionsOf("u-1").get(0);
        assertThat(s.sessionId()).isEqualTo(Session.idOf("u-1", "e-1"));
        assertThat(s.clientSessionId()).isEqualTo("client-session");
        assertThat(s.deviceType()).isEqualTo("mobile");
    }

    // --- profiles

    @Test
    void aClickAndTwoPurchasesMakeTheProfile() {
        send("u-1", "click", T0, null);
        send(event("u-1", "purchase", T0.plusSeconds(10), null, "{\"cart_value\":50.00,\"currency\":\"USD\"}"));
        send(event("u-1", "purchase", T0.plusSeconds(20), null, "{\"price\":30.00,\"currency\":\"USD\"}"));
        driver.advanceWallClockTime(FLUSH);

        Profile p = sink.profiles.get("u-1");
        assertThat(p.totalEvents).isEqualTo(3);
        assertThat(p.totalPurchases).isEqualTo(2);
        assertThat(p.totalSpent).containsExactly(Map.entry("USD", new BigDecimal("80.00")));
        assertThat(p.eventsByType).containsEntry("click", 1L).containsEntry("purchase", 2L);
        assertThat(p.firstSeen).isEqualTo(T0);
        assertThat(p.lastPurchase).isEqualTo(T0.plusSeconds(20));
    }

    @Test
    void aLateEventLeavesLastActiveWhereItWas() {
        send("u-1", "click", T0.plus(Duration.ofMinutes(5)), null);
        send("u-1", "click", T0, null);
        driver.advanceWallClockTime(FLUSH);

        assertThat(sink.profiles.get("u-1").lastActive).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(sink.profiles.get("u-1").firstSeen).isEqualTo(T0);
    }

    @Test
    void engagementIsTheOriginalFormula() {
        Profile p = Profile.empty("u");
        p.totalEvents = 40;
        p.totalPurchases = 3;
        assertThat(p.engagementScore()).isEqualTo(35.0);
        p.totalEvents = 500;
        assertThat(p.engagementScore()).isEqualTo(100.0);
    }

    @Test
    void churnRiskIsRecencyInUnitsOfTheUsualGap() {
        Profile p = Profile.empty("u");
        p.lastActive = T0;
        p.sessions = 3;
        p.firstSessionStart = T0.minus(Duration.ofDays(6));
        p.lastSessionStart = T0.minus(Duration.ofDays(2));
        // usual gap 2 days: 2 days after the last activity is r / (r + 3g) = 2 / 8
        assertThat(p.churnRisk(T0.plus(Duration.ofDays(2)))).isEqualTo(0.25);
        assertThat(p.churnRisk(T0)).isZero();
        p.sessions = 1;
        assertThat(p.churnRisk(T0.plus(Duration.ofDays(21)))).isEqualTo(0.5);
    }

    // --- segments and insights

    @Test
    void segmentsFollowWhatTheUserDid() {
        send("browser", "page_view", T0, "/");
        send("browser", "click", T0.plusSeconds(5), null);
        send("researcher", "page_view", T0, "/");
        send("researcher", "search", T0.plusSeconds(5), "/search?q=shoes");
        send("buyer", "search", T0, "/search?q=shoes");
        send(event("buyer", "purchase", T0.plusSeconds(90), null, "{\"cart_value\":10.00,\"currency\":\"USD\"}"));
        closeByStreamTime();

        assertThat(sink.profiles.get("browser").segment).isEqualTo("browser");
        assertThat(sink.profiles.get("researcher").segment).isEqualTo("researcher");
        assertThat(sink.profiles.get("buyer").segment).isEqualTo("buyer");
        DailyInsights day = sink.day("2026-01-05");
        assertThat(day.segments()).containsOnlyKeys("browser", "researcher", "buyer");
        assertThat(day.segments().get("buyer").sessionsByDevice()).containsEntry("mobile", 1L);
        assertThat(day.timeToPurchase()).isEqualTo(new DailyInsights.TimeToPurchase(1, 90L, 90L, new BigDecimal("90.000")));
    }

    @Test
    void pathsAreCleanedAndCountedWithDropoffsAndCartAbandonment() {
        send("u-1", "page_view", T0, "/?utm=x");
        send("u-1", "page_view", T0.plusSeconds(10), "/p/123?ref=home");
        send("u-1", "add_to_cart", T0.plusSeconds(20), null);
        send("u-2", "page_view", T0, "/");
        send("u-2", "page_view", T0.plusSeconds(10), "/p/9");
        send("u-2", "page_view", T0.plusSeconds(20), "/c/shoes#top");
        closeByStreamTime();

        DailyInsights day = sink.day("2026-01-05");
        assertThat(day.topPaths(20)).containsExactly(Map.entry("/ -> /p/:id", 1L), Map.entry("/ -> /p/:id -> /c/shoes", 1L));
        assertThat(day.topTransitions(50)).containsExactly(Map.entry("/ -> /p/:id", 2L), Map.entry("/p/:id -> /c/shoes", 1L));
        assertThat(day.dropoffs(20)).containsExactly(
                new DailyInsights.Dropoff("/c/shoes", 1, 1, new BigDecimal("1.0000")),
                new DailyInsights.Dropoff("/p/:id", 1, 2, new BigDecimal("0.5000")));
        assertThat(day.cartAbandonment()).isEqualByComparingTo("1");
    }

    @Test
    void anUndecodableRecordGoesToTheDeadLetterTopic() {
        input.pipeInput(new TestRecord<>("u-1", "{\"event_type\":\"click\"}".getBytes(StandardCharsets.UTF_8), T0));
        send("u-1", "click", T0, null);
        driver.advanceWallClockTime(FLUSH);

        assertThat(deadLetters.readValuesToList()).hasSize(1);
        assertThat(sink.profiles.get("u-1").totalEvents).isEqualTo(1);
    }

    @Test
    void pathRulesAreConfigurable() {
        PathCleaner cleaner = new PathCleaner(List.of(PathRule.PRODUCT, PathRule.parse("^/c/[^/]+=>/c/:slug")));
        assertThat(cleaner.clean("https://shop.example/p/42?x=1")).isEqualTo("/p/:id");
        assertThat(cleaner.clean("/c/shoes/")).isEqualTo("/c/:slug/");
        assertThat(cleaner.clean("?q=1")).isEqualTo("/");
    }

    // Another user's much later event moves the partition's stream time; the flush then closes what it can.
    private void closeByStreamTime() {
        send("zz-clock", "click", T0.plus(Duration.ofDays(3)), null);
        driver.advanceWallClockTime(FLUSH);
    }

    private void send(String userId, String type, Instant at, String url) {
        String props = switch (type) {
            case "search" -> "{\"search_query\":\"shoes\"}";
            case "purchase" -> "{\"cart_value\":1.00,\"currency\":\"USD\"}";
            default -> null;
        };
        send(event(userId, type, at, url, props));
    }

    private UserActivityEvent event(String userId, String type, Instant at, String url, String properties) {
        String json = """
                {"event_id":"e-%d","user_id":"%s","event_type":"%s","timestamp":"%s","session_id":"client-session",
                 "device":{"type":"mobile"}%s%s}""".formatted(ids.incrementAndGet(), userId, type, at,
                url == null ? "" : ",\"page_url\":\"" + url + "\"",
                properties == null ? "" : ",\"properties\":" + properties);
        EventCodec.Decoded decoded = codec.decodeClient(json.getBytes(StandardCharsets.UTF_8), at.plusSeconds(1));
        assertThat(decoded.violations()).isEmpty();
        return decoded.event();
    }

    private void send(UserActivityEvent event) {
        ProducerRecord<String, byte[]> record = records.toRecord(event);
        input.pipeInput(new TestRecord<>(record.key(), record.value(), record.headers(), record.timestamp()));
    }

    /** The sink as Cassandra would hold it: the last value written wins. */
    static final class MemorySink implements BehaviorSink {
        final Map<String, Session> sessions = new LinkedHashMap<>();
        final Map<String, Profile> profiles = new LinkedHashMap<>();
        final Map<String, DailyPartial> days = new LinkedHashMap<>();

        @Override
        public void write(Batch batch) {
            batch.sessions().forEach(s -> sessions.put(s.sessionId(), s));
            batch.profiles().forEach(p -> profiles.put(p.userId, p));
            batch.days().forEach(d -> days.put(d.day + "|" + d.partition, d));
        }

        List<Session> sessionsOf(String userId) {
            List<Session> out = new ArrayList<>(sessions.values().stream().filter(s -> s.userId().equals(userId)).toList());
            out.sort(java.util.Comparator.comparing(Session::start));
            return out;
        }

        DailyInsights day(String day) {
            return DailyInsights.merge(day, days.values().stream().filter(d -> d.day.equals(day)).toList());
        }
    }
}
