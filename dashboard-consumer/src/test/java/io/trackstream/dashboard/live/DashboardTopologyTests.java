package io.trackstream.dashboard.live;

import io.trackstream.model.EventCodec;
import io.trackstream.model.EventRecords;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static io.trackstream.dashboard.live.TestEvents.event;
import static io.trackstream.dashboard.live.TestEvents.purchase;
import static org.assertj.core.api.Assertions.assertThat;

/** The topology in a TopologyTestDriver whose wall clock the test moves. */
class DashboardTopologyTests {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private final EventRecords records = new EventRecords(EventCodec.create());
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> input;
    private TestOutputTopic<String, Partial> partials;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        DashboardTopology.build(builder, Duration.ofHours(1));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "dashboard-topology-tests");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), config, NOW);
        input = driver.createInputTopic(Topics.USER_ACTIVITIES, new StringSerializer(), new ByteArraySerializer());
        partials = driver.createOutputTopic(DashboardTopology.PARTIALS_TOPIC, Serdes.String().deserializer(),
                new PartialSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void send(UserActivityEvent event) {
        ProducerRecord<String, byte[]> record = records.toRecord(event);
        input.pipeInput(new TestRecord<>(record.key(), record.value(), record.headers(), record.timestamp()));
    }

    private Partial lastPartial() {
        List<Partial> all = partials.readValuesToList();
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }

    @Test
    void countsADuplicatedEventOnce() {
        UserActivityEvent click = event("e-1", "u-1", "click", NOW.minusSeconds(2));
        send(click);
        send(click);
        send(purchase("e-2", "u-1", "10.00", "USD", NOW.minusSeconds(1)));
        send(purchase("e-2", "u-1", "10.00", "USD", NOW.minusSeconds(1)));

        driver.advanceWallClockTime(Duration.ofSeconds(1));

        Partial partial = lastPartial();
        assertThat(partial.timeline().stream().mapToLong(s -> s.byType().values().stream().mapToLong(Long::longValue).sum()).sum())
                .isEqualTo(2);
        assertThat(partial.revenue()).containsEntry("USD", new java.math.BigDecimal("10.00"));
        assertThat(partial.activeUsers()).isEqualTo(1);
    }

    @Test
    void publishesEverySecondOfWallClockEvenWithoutEventsSoFiguresAge() {
        send(event("e-1", "u-1", "click", NOW.minusSeconds(1)));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(lastPartial().activeUsers()).isEqualTo(1);

        driver.advanceWallClockTime(Duration.ofMinutes(5));

        Partial aged = lastPartial();
        assertThat(aged.activeUsers()).isZero();
        assertThat(aged.at()).isEqualTo(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1));
    }

    @Test
    void doesNotLetALateEventInflateNow() {
        send(event("late", "u-1", "click", NOW.minus(Duration.ofMinutes(20))));

        driver.advanceWallClockTime(Duration.ofSeconds(1));

        Partial partial = lastPartial();
        assertThat(partial.activeUsers()).isZero();
        assertThat(partial.timeline()).isEmpty();
    }

    @Test
    void keysEachPartialByItsPartitionAndKeepsTheLatestInTheGlobalTable() {
        send(event("e-1", "u-1", "click", NOW));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        KeyValueStore<String, Partial> store = driver.getKeyValueStore(DashboardTopology.PARTIALS_STORE);
        List<KeyValue<String, Partial>> all = new ArrayList<>();
        store.all().forEachRemaining(all::add);

        assertThat(all).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("0");
            assertThat(kv.value.at()).isEqualTo(NOW.plusSeconds(2));
            assertThat(kv.value.activeUsers()).isEqualTo(1);
        });
    }
}
