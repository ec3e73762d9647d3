package io.trackstream.ingest.intake;

import io.trackstream.ingest.kafka.EventPublisher;
import io.trackstream.ingest.kafka.PublishException;
import io.trackstream.model.ApiError;
import io.trackstream.model.EventCodec;
import io.trackstream.model.UserActivityEvent;
import io.trackstream.model.Violation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The intake pipeline behind the HTTP edge, free of servlet types so it can be tested alone:
 * decode with the contract codec, enrich, publish, and answer only once Kafka has spoken. An
 * accepted answer therefore always means the broker holds the event.
 *
 * <p>Batches: each element is judged alone; the valid ones are published even when others are
 * rejected. 202 when all were accepted, 207 when some were and others were rejected or failed,
 * 400 when none was valid, 503 when valid ones exist but Kafka took none of them.
 *
 * <p>Other wire formats (the Segment-compatible API) map their JSON to the contract's and call
 * {@link #publishEach}, so the rules are written once and an accepted event always means Kafka has it.
 */
public final class EventIntake {

    private static final String UNAVAILABLE = "Event could not be queued: Kafka did not acknowledge it in time";

    private final EventCodec codec;
    private final EdgeEnricher enricher;
    private final EventPublisher publisher;
    private final IntakeMetrics metrics;
    private final Clock clock;
    private final int maxBatchEvents;
    private final String retryAfterSeconds;

    EventIntake(EventCodec codec, EdgeEnricher enricher, EventPublisher publisher, IntakeMetrics metrics,
                Clock clock, int maxBatchEvents, String retryAfterSeconds) {
        this.codec = codec;
        this.enricher = enricher;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.maxBatchEvents = maxBatchEvents;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    CompletableFuture<ResponseEntity<Object>> track(byte[] body, String clientIp) {
        EventCodec.Decoded decoded = codec.decodeClient(body, clock.instant());
        if (!decoded.isValid()) {
            metrics.rejected(decoded.violations());
            return CompletableFuture.completedFuture(badRequest(decoded.violations()));
        }
        UserActivityEvent event = enricher.enrich(decoded.event(), clientIp);
        return publisher.publish(event).handle((ok, failure) -> {
            if (failure == null) {
                metrics.accepted();
                return ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(TrackAccepted.of(event.eventId(), decoded.ignoredFields()));
            }
            String reason = reasonOf(failure);
            metrics.failed(reason);
            return unavailable(ApiError.of(UNAVAILABLE, "kafka", "not acknowledged (" + reason + "); retry later"));
        });
    }

    CompletableFuture<ResponseEntity<Object>> batch(byte[] body, String clientIp) {
        Instant receivedAt = clock.instant();
        BatchEnvelope envelope = BatchEnvelope.parse(codec.mapper(), body, "events", "sent_at", maxBatchEvents);
        if (!envelope.isValid()) {
            return CompletableFuture.completedFuture(badRequest(envelope.violations()));
        }
        metrics.batchSize(envelope.events().size());
        return publishEach(envelope.events(), receivedAt, envelope.sentAt(), clientIp).thenApply(items -> {
            if (items.stream().allMatch(BatchResponse.Item::isRejected)) {
                List<Violation> allViolations = new ArrayList<>();
                for (BatchResponse.Item item : items) {
                    for (Violation v : item.errors()) {
                        allViolations.add(new Violation(prefixed(item.index(), v.field()), v.error()));
                    }
                }
                return badRequest(allViolations);
            }
            return batchAnswer(items);
        });
    }

    /**
     * Judges each event alone with the contract codec and publishes the valid ones. Completes once
     * Kafka answered every valid event (at once when none is valid), with one result per index.
     *
     * @param events contract JSON objects (anything else is rejected)
     * @param receivedAt when the request arrived
     * @param sentAt the sent_at of events that carry none, may be null
     */
    public CompletableFuture<List<BatchResponse.Item>> publishEach(List<JsonNode> events, Instant receivedAt,
                                                                    Instant sentAt, String clientIp) {
        int size = events.size();
        BatchResponse.Item[] items = new BatchResponse.Item[size];
        List<CompletableFuture<Void>> sends = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            EventCodec.Decoded decoded = codec.decodeClient(events.get(i), receivedAt, sentAt);
            if (!decoded.isValid()) {
                metrics.rejected(decoded.violations());
                items[i] = BatchResponse.Item.rejected(i, decoded.violations());
                continue;
            }
            int index = i;
            UserActivityEvent event = enricher.enrich(decoded.event(), clientIp);
            sends.add(publisher.publish(event).handle((ok, failure) -> {
                if (failure == null) {
                    metrics.accepted();
                    items[index] = BatchResponse.Item.accepted(index, event.eventId(), decoded.ignoredFields());
                } else {
                    String reason = reasonOf(failure);
                    metrics.failed(reason);
                    items[index] = BatchResponse.Item.failed(index, event.eventId(), reason);
                }
                return null;
            }));
        }
        // Each handle() above swallows its failure, so allOf completes normally once all have answered,
        // and the writes into items happen-before this stage reads them.
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .thenApply(done -> List.of(items));
    }

    private ResponseEntity<Object> batchAnswer(List<BatchResponse.Item> items) {
        int accepted = 0;
        int rejected = 0;
        int failed = 0;
        for (BatchResponse.Item item : items) {
            switch (item.status()) {
                case "accepted" -> accepted++;
                case "rejected" -> rejected++;
                default -> failed++;
            }
        }
        if (accepted == 0) {
            BatchResponse body = new BatchResponse("failed", UNAVAILABLE + "; resend the failed events",
                    0, rejected, failed, items);
            return unavailable(body);
        }
        boolean all = accepted == items.size();
        BatchResponse body = new BatchResponse(all ? "accepted" : "partial",
                all ? "Events queued for processing" : "Some events queued for processing; see results",
                accepted, rejected, failed, items);
        return ResponseEntity.status(all ? HttpStatus.ACCEPTED : HttpStatus.MULTI_STATUS).body(body);
    }

    private ResponseEntity<Object> unavailable(Object body) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .body(body);
    }

    private static ResponseEntity<Object> badRequest(List<Violation> violations) {
        return ResponseEntity.badRequest().body(new ApiError(ApiError.INVALID_PAYLOAD, violations));
    }

    private static String prefixed(int index, String field) {
        return "body".equals(field) ? "events[" + index + "]" : "events[" + index + "]." + field;
    }

    private static String reasonOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof PublishException publish ? publish.reason() : "error";
    }
}
