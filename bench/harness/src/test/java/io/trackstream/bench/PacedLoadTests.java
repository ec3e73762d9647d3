package io.trackstream.bench;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PacedLoadTests {

    private static final String PATH = "/api/v1/events/track";
    private static final PacedLoad.Settings SMALL_POOL = new PacedLoad.Settings(2, 8, Duration.ofSeconds(10));

    // 1,000/s for 200 ms: 200 requests, small enough for a shared machine
    private static final int RATE = 1_000;
    private static final Duration DURATION = Duration.ofMillis(200);
    private static final int TOTAL = 200;

    private final Queue<Integer> acceptedIndexes = new ConcurrentLinkedQueue<>();

    @Test
    void sendsEveryRequestOnceWithItsBodyMethodPathAndContentType() {
        try (RecordingServer server = new RecordingServer(request -> RecordingServer.Response.fixed(202))) {
            PacedLoad.Result result = run(server.uri(PATH), SMALL_POOL);

            assertThat(server.requests).hasSize(TOTAL);
            assertThat(server.requests).extracting(RecordingServer.Request::body)
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, TOTAL).mapToObj(PacedLoadTests::body).toList());
            assertThat(server.requests).allSatisfy(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo(PATH);
                assertThat(request.contentType()).isEqualTo("application/json");
            });
            assertThat(result.sent()).isEqualTo(TOTAL);
            assertThat(result.accepted()).isEqualTo(TOTAL);
            assertThat(result.failed()).isZero();
            assertThat(acceptedIndexes).containsExactlyInAnyOrderElementsOf(IntStream.range(0, TOTAL).boxed().toList());
            assertThat(server.clientPorts).hasSizeLessThanOrEqualTo(SMALL_POOL.maxConnections());
        }
    }

    @Test
    void readsAtAFixedRateWithGetsOfTheGivenPaths() {
        try (RecordingServer server = new RecordingServer(request ->
                RecordingServer.Response.chunked(request.path().endsWith("=0") ? 404 : 200))) {
            PacedLoad.Result result = PacedLoad.get(server.uri(""), RATE, DURATION, i -> "/api/v1/users/u-" + i + "/events?limit=" + (i % 3));

            assertThat(server.requests).hasSize(TOTAL);
            assertThat(server.requests).allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
            assertThat(server.requests).extracting(RecordingServer.Request::path)
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, TOTAL)
                            .mapToObj(i -> "/api/v1/users/u-" + i + "/events?limit=" + (i % 3)).toList());
            int notFound = (int) IntStream.range(0, TOTAL).filter(i -> i % 3 == 0).count();
            assertThat(result.accepted()).isEqualTo(TOTAL - notFound);
            assertThat(result.failed()).isEqualTo(notFound);
        }
    }

    @Test
    void countsOnly202AsAccepted() {
        try (RecordingServer server = new RecordingServer(request ->
                RecordingServer.Response.fixed(index(request) % 2 == 0 ? 202 : 400))) {
            PacedLoad.Result result = run(server.uri(PATH), SMALL_POOL);

            assertThat(result.accepted()).isEqualTo(TOTAL / 2);
            assertThat(result.failed()).isEqualTo(TOTAL / 2);
            assertThat(acceptedIndexes).allMatch(i -> i % 2 == 0).hasSize(TOTAL / 2);
        }
    }

    @Test
    void readsChunkedAnswers() {
        try (RecordingServer server = new RecordingServer(request ->
                RecordingServer.Response.chunked(index(request) % 4 == 0 ? 503 : 202))) {
            PacedLoad.Result result = run(server.uri(PATH), SMALL_POOL);

            assertThat(server.requests).hasSize(TOTAL);
            assertThat(result.accepted()).isEqualTo(TOTAL * 3 / 4);
            assertThat(result.failed()).isEqualTo(TOTAL / 4);
            // every answer was read to its end, or the next request on the connection would have failed
            assertThat(server.clientPorts).hasSizeLessThanOrEqualTo(SMALL_POOL.maxConnections());
        }
    }

    @Test
    void opensAFreshConnectionWhenTheServerClosesOne() {
        try (RecordingServer server = new RecordingServer(request -> index(request) % 10 == 9
                ? RecordingServer.Response.fixed(202).closing() : RecordingServer.Response.fixed(202))) {
            PacedLoad.Result result = run(server.uri(PATH), SMALL_POOL);

            assertThat(server.requests).hasSize(TOTAL);
            assertThat(result.accepted()).isEqualTo(TOTAL);
            assertThat(result.failed()).isZero();
            assertThat(server.clientPorts).hasSizeGreaterThanOrEqualTo(TOTAL / 10);
        }
    }

    @Test
    void readsBodiesThatEndWithTheConnectionAndReconnects() throws Exception {
        try (OneShotServer server = new OneShotServer()) {
            PacedLoad.Result result = run(server.uri(PATH), SMALL_POOL);

            assertThat(result.accepted()).isEqualTo(TOTAL);
            assertThat(result.failed()).isZero();
            assertThat(server.requests).hasValue(TOTAL);
            assertThat(server.connections.get()).isGreaterThanOrEqualTo(TOTAL);
        }
    }

    @Test
    void neverHasMoreRequestsOpenThanTheConnectionCap() {
        PacedLoad.Settings capOfFour = new PacedLoad.Settings(1, 4, Duration.ofSeconds(10));
        CountDownLatch fourOpen = new CountDownLatch(4);
        try (RecordingServer server = new RecordingServer(request -> {
            // the first answers wait until four requests are open at once, so the backlog grows
            // and the client has every reason to open more connections than it may
            fourOpen.countDown();
            fourOpen.await(10, TimeUnit.SECONDS);
            return RecordingServer.Response.fixed(202);
        })) {
            PacedLoad.Result result = run(server.uri(PATH), capOfFour);

            assertThat(server.maxInFlight()).isEqualTo(4);
            assertThat(server.clientPorts).hasSizeLessThanOrEqualTo(4);
            assertThat(result.accepted()).isEqualTo(TOTAL);
        }
    }

    @Test
    void countsRequestsUnansweredAfterTheGracePeriodAsFailed() {
        CountDownLatch never = new CountDownLatch(1);
        PacedLoad.Settings shortGrace = new PacedLoad.Settings(2, 8, Duration.ofMillis(300));
        try (RecordingServer server = new RecordingServer(request -> {
            if (index(request) == 3) {
                never.await(); // released when the server stops
            }
            return RecordingServer.Response.fixed(202);
        })) {
            PacedLoad.Result result = run(server.uri(PATH), shortGrace);

            assertThat(result.accepted()).isEqualTo(TOTAL - 1);
            assertThat(result.failed()).isEqualTo(1);
            assertThat(acceptedIndexes).doesNotContain(3);
        }
    }

    @Test
    void failsEveryRequestWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PacedLoad.Result result = run(URI.create("http://127.0.0.1:" + port + PATH), SMALL_POOL);

        assertThat(result.accepted()).isZero();
        assertThat(result.failed()).isEqualTo(TOTAL);
    }

    private PacedLoad.Result run(URI uri, PacedLoad.Settings settings) {
        return PacedLoad.run(uri, RATE, DURATION, PacedLoadTests::body, (i, at) -> acceptedIndexes.add(i), settings);
    }

    private static String body(int i) {
        return "{\"i\":" + i + ",\"event_type\":\"click\"}";
    }

    private static int index(RecordingServer.Request request) {
        String body = request.body();
        return Integer.parseInt(body.substring(body.indexOf(':') + 1, body.indexOf(',')));
    }
}
