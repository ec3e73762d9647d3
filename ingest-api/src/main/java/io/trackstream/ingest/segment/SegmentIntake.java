package io.trackstream.ingest.segment;

import io.trackstream.ingest.intake.BatchEnvelope;
import io.trackstream.ingest.intake.BatchResponse;
import io.trackstream.ingest.intake.EventIntake;
import io.trackstream.model.ApiError;
import io.trackstream.model.Violation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The Segment-compatible API behind its controller: Segment's JSON is mapped to the contract's by
 * {@link SegmentMapping} and published through {@link EventIntake#publishEach}, the path of the
 * native API, so the rules and the 202 semantics (an answer only once Kafka has it) are the same.
 *
 * <p>Answers: {@code 200 {"success":true}} once Kafka holds every message (Segment's SDKs then
 * treat them as delivered); {@code 503} with Retry-After when Kafka did not take one, so the SDK
 * retries the whole batch (the messageId is the event_id, so a resend does not count twice);
 * {@code 400} naming the Segment fields of every broken rule, the valid messages of the batch being
 * published all the same (a 400 is not retried by the SDKs).
 */
final class SegmentIntake {

    static final Map<String, Boolean> SUCCESS = Map.of("success", true);

    private final EventIntake intake;
    private final JsonMapper mapper;
    private final Clock clock;
    private final int maxBatchEvents;
    private final String retryAfterSeconds;

    SegmentIntake(EventIntake intake, JsonMapper mapper, Clock clock, int maxBatchEvents, String retryAfterSeconds) {
        this.intake = intake;
        this.mapper = mapper;
        this.clock = clock;
        this.maxBatchEvents = maxBatchEvents;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** One call of {@code /v1/track}, {@code /v1/page}, {@code /v1/screen} or {@code /v1/identify}. */
    CompletableFuture<ResponseEntity<Object>> single(String call, byte[] body, String clientIp) {
        Instant receivedAt = clock.instant();
        JsonNode message;
        try {
            message = BatchEnvelope.readTree(mapper, body);
        } catch (BatchEnvelope.InvalidJsonException e) {
            return badRequest(List.of(new Violation("body", e.getMessage())));
        }
        return publish(List.of(message), call, receivedAt, null, clientIp, "");
    }

    /** {@code /v1/batch}: {@code {"batch":[messages with a type], "sentAt": optional}}. */
    CompletableFuture<ResponseEntity<Object>> batch(byte[] body, String clientIp) {
        Instant receivedAt = clock.instant();
        BatchEnvelope envelope = BatchEnvelope.parse(mapper, body, "batch", "sentAt", maxBatchEvents);
        if (!envelope.isValid()) {
            return badRequest(envelope.violations());
        }
        return publish(envelope.events(), null, receivedAt, envelope.sentAt(), clientIp, "batch");
    }

    private CompletableFuture<ResponseEntity<Object>> publish(List<JsonNode> messages, String call, Instant receivedAt,
                                                              Instant sentAt, String clientIp, String prefix) {
        List<Violation> violations = new ArrayList<>();
        List<JsonNode> events = new ArrayList<>(messages.size());
        List<SegmentMapping.Mapped> mapped = new ArrayList<>(messages.size());
        List<Integer> indexes = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            SegmentMapping.Mapped m = SegmentMapping.map(messages.get(i), call, receivedAt);
            if (m.event() == null) {
                for (Violation v : m.violations()) {
                    violations.add(named(prefix, i, v.field(), v.error()));
                }
                continue;
            }
            events.add(m.event());
            mapped.add(m);
            indexes.add(i);
        }
        return intake.publishEach(events, receivedAt, sentAt, clientIp).thenApply(items -> {
            boolean failed = false;
            for (BatchResponse.Item item : items) {
                failed |= item.isFailed();
                if (item.isRejected()) {
                    SegmentMapping.Mapped m = mapped.get(item.index());
                    for (Violation v : item.errors()) {
                        violations.add(named(prefix, indexes.get(item.index()), m.segmentField(v.field()), v.error()));
                    }
                }
            }
            if (failed) {
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                        .<Object>body(ApiError.of("Events could not be queued: Kafka did not acknowledge them in time",
                                "kafka", "not acknowledged; retry later"));
            }
            return violations.isEmpty() ? ResponseEntity.ok(SUCCESS) : invalid(violations);
        });
    }

    /** A batch names the element, {@code batch[3].userId}; a single call the field alone. */
    private static Violation named(String prefix, int index, String field, String error) {
        if (prefix.isEmpty()) {
            return new Violation(field, error);
        }
        String element = prefix + "[" + index + "]";
        return new Violation("body".equals(field) ? element : element + "." + field, error);
    }

    private static ResponseEntity<Object> invalid(List<Violation> violations) {
        return ResponseEntity.badRequest().body(new ApiError(ApiError.INVALID_PAYLOAD, violations));
    }

    private static CompletableFuture<ResponseEntity<Object>> badRequest(List<Violation> violations) {
        return CompletableFuture.completedFuture(invalid(violations));
    }
}
