package io.trackstream.stack;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.trackstream.cassandra.CassandraSchema;
import io.trackstream.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@LocalStackTest
class LocalStackIntegrationTests {

    private final LocalStack stack = LocalStackExtension.stack();

    @Test
    void createsTheContractTopicsWithSixPartitionsAndSevenDaysRetention() throws Exception {
        try (Admin admin = stack.openAdmin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topics.USER_ACTIVITIES, Topics.USER_ACTIVITIES_DLT))
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            String retention = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.USER_ACTIVITIES)))
                    .all().get(30, TimeUnit.SECONDS).values().iterator().next().get("retention.ms").value();

            assertThat(topics.get(Topics.USER_ACTIVITIES).partitions()).hasSize(6);
            assertThat(topics.get(Topics.USER_ACTIVITIES_DLT).partitions()).hasSize(6);
            assertThat(retention).isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
        }
    }

    @Test
    void recordsProducedToUserActivitiesAreReadBackFromAllSixPartitions() throws Exception {
        String run = UUID.randomUUID().toString();
        List<Future<?>> sends = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 300; i++) {
                sends.add(producer.send(new ProducerRecord<>(Topics.USER_ACTIVITIES, "user-" + i, run + "-" + i)));
            }
            for (Future<?> send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }
        }

        Set<Integer> partitions = new HashSet<>();
        Set<String> values = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> all = new ArrayList<>();
            for (int p = 0; p < 6; p++) {
                all.add(new TopicPartition(Topics.USER_ACTIVITIES, p));
            }
            consumer.assign(all);
            consumer.seekToBeginning(all);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (values.size() < 300 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().startsWith(run)) {
                        partitions.add(record.partition());
                        values.add(record.value());
                    }
                }
            }
        }

        assertThat(values).hasSize(300);
        assertThat(partitions).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    }

    @Test
    void writesARowToUserEventsAndReadsItBack() {
        Instant eventTime = Instant.parse("2024-01-15T10:30:45.123Z");
        try (CqlSession session = stack.openCqlSession()) {
            session.execute(SimpleStatement.newInstance("INSERT INTO " + stack.keyspace()
                            + ".user_events (user_id, bucket, event_time, event_id, event_type, metadata) VALUES (?, ?, ?, ?, ?, ?)",
                    "user-42", Instant.parse("2024-01-15T00:00:00Z"), eventTime, "evt-1", "page_view", "{\"a\":1.10}"));

            Row row = session.execute(SimpleStatement.newInstance("SELECT event_time, event_type, metadata FROM " + stack.keyspace()
                    + ".user_events WHERE user_id = ? AND bucket = ?", "user-42", Instant.parse("2024-01-15T00:00:00Z"))).one();

            assertThat(row).isNotNull();
            assertThat(row.getInstant("event_time")).isEqualTo(eventTime);
            assertThat(row.getString("event_type")).isEqualTo("page_view");
            assertThat(row.getString("metadata")).isEqualTo("{\"a\":1.10}");
        }
    }

    @Test
    void flushWritesTheMemtableOfTheKeyspaceToAnSSTable() throws IOException {
        CassandraNode cassandra = stack.cassandra().orElseThrow();
        try (CqlSession session = stack.openCqlSession()) {
            session.execute(SimpleStatement.newInstance("INSERT INTO " + stack.keyspace()
                            + ".user_buckets (user_id, bucket) VALUES (?, ?)", "user-flushed", Instant.parse("2024-02-01T00:00:00Z")));
            long before = sstables(cassandra, stack.keyspace(), "user_buckets");

            cassandra.flush(stack.keyspace());

            assertThat(sstables(cassandra, stack.keyspace(), "user_buckets")).isGreaterThan(before);
        }
    }

    // The data files in the table's folder: CQL tells sizes in whole MiB, too coarse for one row.
    private static long sstables(CassandraNode cassandra, String keyspace, String table) throws IOException {
        Path data = cassandra.dir().resolve("data").resolve(keyspace);
        try (Stream<Path> tables = Files.list(data)) {
            Path dir = tables.filter(p -> p.getFileName().toString().startsWith(table + "-")).findFirst().orElseThrow();
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.getFileName().toString().endsWith("-Data.db")).count();
            }
        }
    }

    @Test
    void preparingTopicsAndSchemaAgainChangesNothing() {
        try (Admin admin = stack.openAdmin(); CqlSession session = stack.openCqlSession()) {
            String applied = "SELECT count(*) FROM " + stack.keyspace() + ".schema_migrations";
            long before = session.execute(applied).one().getLong(0);

            assertThat(TopicSetup.ensure(admin, Topics.all())).isEmpty();
            assertThat(CassandraSchema.migrate(session, stack.keyspace(), CassandraSchema.SINGLE_NODE_REPLICATION)).isEmpty();
            assertThat(before).isPositive();
            assertThat(session.execute(applied).one().getLong(0)).isEqualTo(before);
        }
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }
}
