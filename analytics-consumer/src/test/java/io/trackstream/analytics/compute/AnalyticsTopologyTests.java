package io.trackstream.analytics.compute;

import io.trackstream.analytics.AnalyticsProperties;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Every aggregate of the analytics topology, in a TopologyTestDriver, read back as the API would read the tables. */
class AnalyticsTopologyTests {

    private static final String DAY = "2026-01-05";

    private final EventCodec codec = EventCodec.create();
    private final EventRecords records = new EventRecords(codec);
    private final RecordingSink sink = new RecordingSink();
    private final List<String> late = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> input;

    @BeforeEach
    void startDriver() {
        AnalyticsProperties settings = new AnalyticsProperties(Duration.ofMinutes(2), "USD",
                List.of("page_view", "click", "purchase"), Duration.ofSeconds(1), Duration.ofDays(1), 100,
                new AnalyticsProperties.SummaryLog(1000, Duration.ofSeconds(60)));
        StreamsBuilder builder = new StreamsBuilder();
        AnalyticsTopology.build(builder, Duration.ofHours(1), settings, sink, new AnalyticsObserver() {
            @Override
            public void late(String window) {
                late.add(window);
            }
        });
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-processors");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, "target/topology-tests");
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RecoveringDeserializationExceptionHandler.class);
        config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.USER_ACTIVITIES_DLT);
        driver = new TopologyTestDriver(builder.build(), config);
        input = driver.createInputTopic(Topics.USER_ACTIVITIES, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private String send(String user, String type, String time, String extra) {
        String id = "e-" + ids.incrementAndGet();
        send(id, user, type, time, extra);
        return id;
    }

    private void send(String id, String user, String type, String time, String extra) {
        String json = """
                {"event_id":"%s","user_id":"%s","event_type":"%s","timestamp":"%s"%s}"""
                .formatted(id, user, type, time, extra.isEmpty() ? "" : "," + extra);
        Instant at = Instant.parse(time);
        UserActivityEvent event = codec.decodeClient(json.getBytes(StandardCharsets.UTF_8), at).event();
        ProducerRecord<String, byte[]> record = records.toRecord(event);
        input.pipeInput(new TestRecord<>(record.key(), record.value(), record.headers(), record.timestamp()));
    }

    private void flush() {
        driver.advanceWallClockTime(Duration.ofSeconds(1));
    }

    @Test
    void countsEventsByTypeDistinctUsersOrdersAndRevenuePerHourAndDay() {
        send("u1", "page_view", "2026-01-05T10:00:00Z", "");
        send("u1", "click", "2026-01-05T10:10:00Z", "");
        send("u2", "page_view", "2026-01-05T10:20:00Z", "");
        send("u2", "purchase", "2026-01-05T11:05:00Z", "\"properties\":{\"cart_value\":30.50,\"currency\":\"EUR\"}");
        send("u1", "purchase", "2026-01-05T11:06:00Z", "\"properties\":{\"price\":10.25,\"quantity\":3}");
        flush();

        AnalyticsRows.Summary ten = sink.summary("hour", "2026-01-05T10:00:00Z");
        assertThat(ten.events()).containsExactlyInAnyOrderEntriesOf(Map.of("page_view", 2L, "click", 1L));
        assertThat(ten.distinctUsers()).isEqualTo(2);
        assertThat(ten.orders()).isEmpty();
        AnalyticsRows.Summary eleven = sink.summary("hour", "2026-01-05T11:00:00Z");
        assertThat(eleven.distinctUsers()).isEqualTo(2);
        assertThat(eleven.orders()).containsExactlyInAnyOrderEntriesOf(Map.of("EUR", 1L, "USD", 1L));
        assertThat(eleven.revenue()).containsExactlyInAnyOrderEntriesOf(
                Map.of("EUR", new BigDecimal("30.50"), "USD", new BigDecimal("30.75")));
        AnalyticsRows.Summary day = sink.summary("day", "2026-01-05T00:00:00Z");
        assertThat(day.events()).containsExactlyInAnyOrderEntriesOf(Map.of("page_view", 2L, "click", 1L, "purchase", 2L));
        assertThat(day.distinctUsers()).isEqualTo(2);
        assertThat(day.lateDropped()).isZero();
    }

    @Test
    void tenPurchasesOf999_99AreRevenue9999_90AndAov999_99() {
        for (int i = 0; i < 10; i++) {
            send("u" + i, "purchase", "2026-01-05T12:00:0" + i + "Z", "\"properties\":{\"cart_value\":999.99,\"currency\":\"USD\"}");
        }
        flush();

        AnalyticsRows.Summary day = sink.summary("day", "2026-01-05T00:00:00Z");
        assertThat(day.revenue().get("USD")).isEqualByComparingTo("9999.90").hasToString("9999.90");
        assertThat(day.orders()).containsEntry("USD", 10L);
        assertThat(Money.average(day.revenue().get("USD"), day.orders().get("USD"))).hasToString("999.99");
    }

    @Test
    void countsALateEventWithinGraceInItsOwnWindow() {
        send("u1", "page_view", "2026-01-05T10:30:00Z", "");
        send("u1", "page_view", "2026-01-05T11:01:00Z", "");
        send("u2", "click", "2026-01-05T10:59:00Z", "");
        flush();

        AnalyticsRows.Summary ten = sink.summary("hour", "2026-01-05T10:00:00Z");
        assertThat(ten.events()).containsExactlyInAnyOrderEntriesOf(Map.of("page_view", 1L, "click", 1L));
        assertThat(ten.distinctUsers()).isEqualTo(2);
        assertThat(ten.lateDropped()).isZero();
        assertThat(late).isEmpty();
    }

    @Test
    void countsALateEventBeyondGraceAsDroppedInItsWindowAndTheMetric() {
        send("u1", "page_view", "2026-01-05T10:30:00Z", "");
        send("u1", "page_view", "2026-01-05T11:02:00Z", "");
        send("u2", "click", "2026-01-05T10:59:00Z", "");
        flush();

        AnalyticsRows.Summary ten = sink.summary("hour", "2026-01-05T10:00:00Z");
        assertThat(ten.events()).containsExactlyEntriesOf(Map.of("page_view", 1L));
        assertThat(ten.distinctUsers()).isEqualTo(1);
        assertThat(ten.lateDropped()).isEqualTo(1);
        // the day is still open: the event counts there
        assertThat(sink.summary("day", "2026-01-05T00:00:00Z").events()).containsEntry("click", 1L);
        assertThat(late).containsExactly("hour");
    }

    @Test
    void dropsAnEventFromBothWindowsOnceItsDayClosed() {
        send("u1", "page_view", "2026-01-05T23:50:00Z", "");
        send("u1", "page_view", "2026-01-06T00:02:00Z", "");
        send("u2", "purchase", "2026-01-05T23:59:00Z", "\"properties\":{\"cart_value\":5}");
        flush();

        assertThat(sink.summary("day", "2026-01-05T00:00:00Z").lateDropped()).isEqualTo(1);
        assertThat(sink.summary("day", "2026-01-05T00:00:00Z").revenue()).isEmpty();
        assertThat(sink.summary("hour", "2026-01-05T23:00:00Z").lateDropped()).isEqualTo(1);
        assertThat(late).containsExactly("day", "hour");
    }

    @Test
    void countsTheSameEventIdOnce() {
        send("e-x", "u1", "purchase", "2026-01-05T10:00:00Z", "\"properties\":{\"cart_value\":20}");
        send("e-x", "u1", "purchase", "2026-01-05T10:00:00Z", "\"properties\":{\"cart_value\":20}");
        flush();

        AnalyticsRows.Summary day = sink.summary("day", "2026-01-05T00:00:00Z");
        assertThat(day.events()).containsExactlyEntriesOf(Map.of("purchase", 1L));
        assertThat(day.revenue()).containsExactlyEntriesOf(Map.of("USD", new BigDecimal("20")));
    }

    @Test
    void putsTheLastMillisecondOfADayAndTheFirstOfTheNextInTwoDays() {
        send("u1", "page_view", "2026-01-05T23:59:59.999Z", "");
        send("u1", "page_view", "2026-01-06T00:00:00.000Z", "");
        flush();

        assertThat(sink.summary("day", "2026-01-05T00:00:00Z").events()).containsExactlyEntriesOf(Map.of("page_view", 1L));
        assertThat(sink.summary("day", "2026-01-06T00:00:00Z").events()).containsExactlyEntriesOf(Map.of("page_view", 1L));
        assertThat(sink.summary("day", "2026-01-06T00:00:00Z").distinctUsers()).isEqualTo(1);
    }

    @Test
    void followsTheFunnelOfTheIssuesExample() {
        send("u1", "page_view", "2026-01-05T10:00:00Z", "");
        send("u2", "page_view", "2026-01-05T10:00:01Z", "");
        send("u3", "page_view", "2026-01-05T10:00:02Z", "");
        send("u3", "purchase", "2026-01-05T10:00:03Z", "\"properties\":{\"cart_value\":1}");
        send("u1", "click", "2026-01-05T10:00:04Z", "");
        send("u2", "click", "2026-01-05T10:00:05Z", "");
        send("u1", "click", "2026-01-05T10:00:06Z", "");
        send("u1", "purchase", "2026-01-05T10:00:07Z", "\"properties\":{\"cart_value\":1}");
        flush();

        assertThat(sink.funnelUsers(DAY, 3)).containsExactly(3L, 2L, 1L);
    }

    @Test
    void countsPageViewsByPathWithoutTheQueryString() {
        send("u1", "page_view", "2026-01-05T10:00:00Z", "\"page_url\":\"https://shop.example/p/123?ref=mail\"");
        send("u2", "page_view", "2026-01-05T10:00:01Z", "\"page_url\":\"https://shop.example/p/123#reviews\"");
        send("u2", "page_view", "2026-01-05T10:00:02Z", "\"page_url\":\"https://shop.example/\"");
        send("u2", "click", "2026-01-05T10:00:03Z", "\"page_url\":\"https://shop.example/\"");
        flush();

        assertThat(sink.pageViews(DAY)).containsExactlyInAnyOrderEntriesOf(Map.of("/p/123", 2L, "/", 1L));
    }

    @Test
    void countsViewsCartsPurchasesAndRevenuePerProduct() {
        String product = "\"product_id\":\"p-7\",\"product_name\":\"Lamp\",\"category\":\"home\",\"price\":12.50";
        send("u1", "page_view", "2026-01-05T10:00:00Z", "\"properties\":{" + product + "}");
        send("u2", "page_view", "2026-01-05T10:00:01Z", "\"properties\":{" + product + "}");
        send("u1", "add_to_cart", "2026-01-05T10:00:02Z", "\"properties\":{" + product + "}");
        send("u1", "purchase", "2026-01-05T10:00:03Z", "\"properties\":{" + product + ",\"quantity\":2}");
        flush();

        AnalyticsRows.Product p = sink.product(DAY, "p-7");
        assertThat(p.name()).isEqualTo("Lamp");
        assertThat(p.category()).isEqualTo("home");
        assertThat(List.of(p.views(), p.addToCart(), p.purchases())).containsExactly(2L, 1L, 1L);
        assertThat(p.revenue()).containsExactlyEntriesOf(Map.of("USD", new BigDecimal("25.00")));
    }

    @Test
    void countsEventsDistinctUsersAndRevenuePerCountry() {
        send("u1", "page_view", "2026-01-05T10:00:00Z", "\"location\":{\"country\":\"US\"}");
        send("u1", "purchase", "2026-01-05T10:00:01Z", "\"location\":{\"country\":\"US\"},\"properties\":{\"cart_value\":7}");
        send("u2", "page_view", "2026-01-05T10:00:02Z", "\"location\":{\"country\":\"US\"}");
        send("u3", "page_view", "2026-01-05T10:00:03Z", "\"location\":{\"country\":\"DE\"}");
        flush();

        AnalyticsRows.Country us = sink.country(DAY, "US");
        assertThat(List.of(us.events(), us.users())).containsExactly(3L, 2L);
        assertThat(us.revenue()).containsExactlyEntriesOf(Map.of("USD", new BigDecimal("7")));
        assertThat(sink.country(DAY, "DE").users()).isEqualTo(1);
    }

    @Test
    void ranksTheMostActiveUsersOfADay() {
        send("u1", "page_view", "2026-01-05T10:00:00Z", "");
        send("u2", "page_view", "2026-01-05T10:00:01Z", "");
        send("u2", "click", "2026-01-05T10:00:02Z", "");
        send("u3", "page_view", "2026-01-05T10:00:03Z", "");
        flush();

        assertThat(sink.topUsers(DAY)).containsExactly("u2=2", "u1=1", "u3=1");
    }

    @Test
    void writesOnlyAtFlushesNotOncePerEvent() {
        flush();
        int before = sink.writes;
        for (int i = 0; i < 50; i++) {
            send("u" + i, "page_view", "2026-01-05T10:00:00Z", "");
        }
        assertThat(sink.writes).isEqualTo(before);
        flush();
        assertThat(sink.writes).isEqualTo(before + 1);
    }

    @Test
    void sendsAnUndecodableRecordToTheDeadLetterTopicAndGoesOn() {
        input.pipeInput(new TestRecord<>("u1", "{\"event_type\":".getBytes(StandardCharsets.UTF_8), Instant.parse("2026-01-05T10:00:00Z")));
        send("u1", "page_view", "2026-01-05T10:00:01Z", "");
        flush();

        TestOutputTopic<byte[], byte[]> dead = driver.createOutputTopic(Topics.USER_ACTIVITIES_DLT,
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        assertThat(new String(dead.readValue(), StandardCharsets.UTF_8)).isEqualTo("{\"event_type\":");
        assertThat(sink.summary("day", "2026-01-05T00:00:00Z").events()).containsEntry("page_view", 1L);
    }
}
