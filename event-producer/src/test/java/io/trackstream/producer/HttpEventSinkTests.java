package io.trackstream.producer;

import com.sun.net.httpserver.HttpServer;
import io.trackstream.model.EventCodec;
import io.trackstream.model.UserActivityEvent;
import io.trackstream.producer.traffic.EventClock;
import io.trackstream.producer.traffic.TrafficGenerator;
import io.trackstream.producer.traffic.TrafficSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a stand-in for the ingest API (the JDK's HTTP server) that records what it receives. */
class HttpEventSinkTests {

    private static final EventCodec CODEC = EventCodec.create();

    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(202);
    private final AtomicReference<String> answer = new AtomicReference<>();
    private HttpServer server;
    private URI base;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/events", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            bodies.add(exchange.getRequestBody().readAllBytes());
            byte[] body = answer.get() == null ? new byte[0] : answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private HttpEventSink sentInBatchesOfFive(int count) {
        HttpEventSink sink = new HttpEventSink(base, 5, 2, CODEC);
        events(count).forEach(sink::send);
        sink.flush();
        return sink;
    }

    private static List<UserActivityEvent> events(int count) {
        TrafficGenerator generator = new TrafficGenerator(TrafficSettings.defaults(3, 50),
                EventClock.simulated(Instant.parse("2024-01-01T00:00:00Z"), 100, 1));
        return java.util.stream.Stream.generate(generator::next).limit(count).toList();
    }

    @Test
    void postsOneEventPerRequestToTheTrackEndpoint() {
        HttpEventSink sink = new HttpEventSink(base, 1, 4, CODEC);
        List<UserActivityEvent> sent = events(10);

        sent.forEach(sink::send);
        sink.flush();

        assertThat(paths).hasSize(10).containsOnly("/api/v1/events/track");
        assertThat(sink.acknowledged()).isEqualTo(10);
        assertThat(sink.failed()).isZero();
        assertThat(bodies).allSatisfy(body -> assertThat(CODEC.decodeClient(body, Instant.now()).isValid()).isTrue());
    }

    @Test
    void postsBatchesOfEventsToTheBatchEndpointAndTheRemainderOnFlush() {
        HttpEventSink sink = new HttpEventSink(base, 4, 2, CODEC);
        List<UserActivityEvent> sent = events(10);

        sent.forEach(sink::send);
        sink.flush();

        assertThat(paths).hasSize(3).containsOnly("/api/v1/events/batch");
        List<String> ids = bodies.stream()
                .flatMap(body -> CODEC.mapper().readTree(body).get("events").valueStream())
                .map(node -> node.get("event_id").asString())
                .toList();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(sent.stream().map(UserActivityEvent::eventId).toList());
        assertThat(sink.acknowledged()).isEqualTo(10);
    }

    @Test
    void countsRefusedRequestsAsFailedEvents() {
        status.set(503);
        HttpEventSink sink = sentInBatchesOfFive(10);

        assertThat(sink.failed()).isEqualTo(10);
        assertThat(sink.acknowledged()).isZero();
    }

    @Test
    void countsOnlyTheEventsAPartlyAcceptedBatchAccepted() {
        status.set(207);
        answer.set("{\"status\":\"partial\",\"accepted\":3,\"rejected\":1,\"failed\":1,\"results\":[]}");
        HttpEventSink sink = sentInBatchesOfFive(10);

        assertThat(paths).hasSize(2);
        assertThat(sink.acknowledged()).isEqualTo(6);
        assertThat(sink.failed()).isEqualTo(4);
    }

    @Test
    void countsAPartialAnswerItCannotReadAsFailed() {
        status.set(207);
        answer.set("not json");
        HttpEventSink sink = sentInBatchesOfFive(5);

        assertThat(sink.acknowledged()).isZero();
        assertThat(sink.failed()).isEqualTo(5);
    }
}
