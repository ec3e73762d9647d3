package io.trackstream.ingest;

import io.trackstream.stack.LocalStackExtension;
import io.trackstream.stack.LocalStackTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shuts an instance down while clients keep sending: every event that was answered 202 must be on
 * the topic afterwards. Runs its own application, since closing the shared test context would
 * break the other classes.
 */
@LocalStackTest(cassandra = false)
class GracefulShutdownIntegrationTests {

    private static final int CLIENTS = 4;
    private static final int MAX_REQUESTS_PER_CLIENT = 20_000;

    @Test
    void losesNoEventThatWasAnswered202WhenShutDownUnderLoad() throws Exception {
        String bootstrap = LocalStackExtension.stack().kafkaBootstrapServers();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(IngestApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--trackstream.ingest.rate-limit.enabled=false",
                "--management.endpoints.web.exposure.include=health");
        int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
        Http http = new Http(port);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> send(http, accepted, stop));
        }
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 500);
            app.close();
        } finally {
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            app.close();
        }

        Set<String> answered = Set.copyOf(accepted);
        assertThat(answered).hasSizeGreaterThanOrEqualTo(500);
        Set<String> onTopic = ConcurrentHashMap.newKeySet();
        TopicReader.read(bootstrap, answered).forEach(record -> onTopic.add(TopicReader.eventId(record)));
        assertThat(onTopic).containsExactlyInAnyOrderElementsOf(answered);
    }

    private static void send(Http http, Set<String> accepted, AtomicBoolean stop) {
        for (int i = 0; i < MAX_REQUESTS_PER_CLIENT && !stop.get(); i++) {
            String eventId = UUID.randomUUID().toString();
            try {
                HttpResponse<String> response = http.post("/api/v1/events/track", """
                        {"event_id":"%s","user_id":"shutdown-%d","event_type":"click","timestamp":"%s"}"""
                        .formatted(eventId, i % 50, Instant.now()));
                if (response.statusCode() == 202) {
                    accepted.add(eventId);
                }
            } catch (IOException e) {
                // The server is gone: this event got no 202, so it makes no promise.
                return;
            }
        }
    }
}
