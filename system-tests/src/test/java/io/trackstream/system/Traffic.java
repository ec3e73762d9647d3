package io.trackstream.system;

import io.trackstream.model.ClientBodies;
import io.trackstream.model.EventCodec;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Generated traffic to the running ingest-api, reproducible from a seed: single events to
 * {@code /track} and batches to {@code /batch}, valid and broken (common-model's
 * {@link ClientBodies}), sent eight at a time. Remembers every answer's status and every event that
 * was accepted, with the JSON it was accepted from.
 */
final class Traffic {

    /** An event the API accepted: its id, the element as sent, and the batch's sent_at (or null). */
    record Accepted(String eventId, JsonNode element, Instant batchSentAt) {
    }

    /** An answer that must never be: a 5xx, with the body that caused it. */
    record ServerError(int status, String path, String body, String answer) {
    }

    private static final EventCodec CODEC = EventCodec.create();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final int CONCURRENCY = 8;

    private final String ingest;
    private final Instant now;
    private final long seed;
    private final ClientBodies bodies;
    private final List<Accepted> accepted = new ArrayList<>();
    private final List<ServerError> serverErrors = new ArrayList<>();
    private final Map<String, Integer> statuses = new TreeMap<>();

    Traffic(String ingest, long seed, Instant now) {
        this.ingest = ingest;
        this.now = now;
        this.seed = seed;
        this.bodies = new ClientBodies(now);
    }

    /** Generates {@code tracks} single events and {@code batches} batches, then sends them all. */
    void send(int tracks, int batches) {
        List<Request> requests = new ArrayList<>();
        for (String body : ClientBodies.sample(bodies.bodies(), seed, tracks)) {
            requests.add(new Request("/api/v1/events/track", body, List.of(body), null));
        }
        requests.addAll(ClientBodies.sample(batches(), seed, batches));
        // The bodies depend on the seed alone; only the order in which the answers come does not.
        Semaphore inFlight = new Semaphore(CONCURRENCY);
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        for (Request request : requests) {
            inFlight.acquireUninterruptibly();
            answers.add(HTTP.sendAsync(request.http(ingest), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .whenComplete((answer, failure) -> inFlight.release())
                    .thenAccept(answer -> record(request, answer)));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
    }

    // 1 to 20 events, half of them with a batch sent_at. An element the envelope cannot parse (a key
    // twice, a broken key, nesting too deep) makes the whole batch a 400: one batch in twenty may have one.
    private Gen<Request> batches() {
        Gen<String> events = bodies.events();
        Gen<Boolean> mayBreak = Generate.range(0, 19).map(one -> one == 0);
        Gen<Integer> sizes = Generate.range(1, 20);
        long limit = Duration.ofHours(25).toMillis();
        Gen<Optional<Instant>> sentAts = Generate.longRange(-limit, limit - 1).map(now::plusMillis).toOptionals(50);
        return in -> {
            boolean breakable = mayBreak.generate(in);
            List<String> elements = new ArrayList<>();
            for (int n = sizes.generate(in); n > 0; ) {
                String element = events.generate(in);
                if (breakable || parses(element)) {
                    elements.add(element);
                    n--;
                }
            }
            Instant sentAt = sentAts.generate(in).orElse(null);
            String body = "{" + (sentAt == null ? "" : "\"sent_at\":\"" + sentAt + "\",")
                    + "\"events\":[" + String.join(",", elements) + "]}";
            return new Request("/api/v1/events/batch", body, elements, sentAt);
        };
    }

    private static boolean parses(String json) {
        try {
            CODEC.mapper().readTree(json);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private synchronized void record(Request request, HttpResponse<String> answer) {
        String endpoint = request.path().substring(request.path().lastIndexOf('/') + 1);
        statuses.merge(endpoint + " " + answer.statusCode(), 1, Integer::sum);
        if (answer.statusCode() >= 500) {
            serverErrors.add(new ServerError(answer.statusCode(), request.path(), request.body(), answer.body()));
        } else if (answer.statusCode() == 202 && endpoint.equals("track")) {
            accepted.add(new Accepted(CODEC.mapper().readTree(answer.body()).get("event_id").asString(),
                    CODEC.mapper().readTree(request.body()), null));
        } else if (answer.statusCode() == 202 || answer.statusCode() == 207) {
            for (JsonNode result : CODEC.mapper().readTree(answer.body()).get("results")) {
                if (result.get("status").asString().equals("accepted")) {
                    accepted.add(new Accepted(result.get("event_id").asString(),
                            CODEC.mapper().readTree(request.elements().get(result.get("index").asInt())),
                            request.sentAt()));
                }
            }
        }
    }

    List<Accepted> accepted() {
        return accepted;
    }

    List<ServerError> serverErrors() {
        return serverErrors;
    }

    /** How many answers had each status, e.g. {@code track 202 -> 1234}. */
    Map<String, Integer> statuses() {
        return statuses;
    }

    /** One request: the body, the events in it as sent, and a batch's sent_at (or null). */
    private record Request(String path, String body, List<String> elements, Instant sentAt) {

        HttpRequest http(String base) {
            return HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
        }
    }
}
