package io.trackstream.stack;

import com.datastax.oss.driver.api.core.CqlSession;
import io.trackstream.model.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The fault tests of later issues stop and start servers under running clients: this proves they can. */
@LocalStackTest
class ServerRestartIntegrationTests {

    private final LocalStack stack = LocalStackExtension.stack();

    @Test
    void aProducerRecoversWhenTheBrokerStopsAndStartsAgain() throws Exception {
        KafkaNode kafka = stack.kafka().orElseThrow();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.USER_ACTIVITIES, "u1", "before")).get(30, TimeUnit.SECONDS);

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            kafka.start(Duration.ofSeconds(120));

            RecordMetadata after = producer.send(new ProducerRecord<>(Topics.USER_ACTIVITIES, "u1", "after")).get(120, TimeUnit.SECONDS);
            assertThat(after.hasOffset()).isTrue();
            assertThat(after.offset()).isPositive();
        }
    }

    @Test
    void aDriverSessionRecoversWhenCassandraStopsAndStartsAgain() {
        CassandraNode cassandra = stack.cassandra().orElseThrow();
        try (CqlSession session = stack.openCqlSession()) {
            assertThat(session.execute("SELECT release_version FROM system.local").one()).isNotNull();

            cassandra.stop();
            assertThat(cassandra.isRunning()).isFalse();
            cassandra.start(Duration.ofSeconds(180));

            // the same session reconnects by itself: no new session, no restart of the client
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() ->
                    assertThat(session.execute("SELECT count(*) FROM " + stack.keyspace() + ".schema_migrations").one().getLong(0))
                            .isPositive());
        }
    }
}
