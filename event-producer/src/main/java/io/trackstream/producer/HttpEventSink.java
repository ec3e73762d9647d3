package io.trackstream.producer;

import io.trackstream.model.EventCodec;
import io.trackstream.model.UserActivityEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Posts events to the ingest API: one per {@code POST /api/v1/events/track}, or, with a batch size
 * above 1, {@code {"events":[...]}} to {@code POST /api/v1/events/batch}. One keep-alive
 * {@link HttpClient}; at most {@code maxInFlight} requests are open at once, and {@link #send} blocks
 * when they are, which slows the pacer rather than piling up requests. A {@code 202} counts every
 * event of the request as delivered; a batch's {@code 207} counts only the events its answer says
 * were accepted, and the rest as failed.
 */
final class HttpEventSink implements EventSink {

    private static final Logger log = LoggerFactory.getLogger(HttpEventSink.class);
    private static final byte[] BATCH_START = "{\"events\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BATCH_END = "]}".getBytes(StandardCharsets.UTF_8);
    // Only a 207 is read: its answer counts the accepted events. Every other answer, the 202 of
    // nearly every request, is discarded unread, as the status says all there is to know.
    private static final HttpResponse.BodyHandler<byte[]> PARTIAL_ANSWERS_ONLY = info -> info.statusCode() == 207
            ? HttpResponse.BodySubscribers.ofByteArray()
            : HttpResponse.BodySubscribers.replacing(null);

    private final HttpClient client;
    private final EventCodec codec;
    private final URI trackUri;
    private final URI batchUri;
    private final int batchSize;
    private final int maxInFlight;
    private final Semaphore inFlight;
    private final List<byte[]> buffer = new ArrayList<>();
    private final Deliveries deliveries = new Deliveries(log);

    HttpEventSink(URI ingestUrl, int batchSize, int maxInFlight, EventCodec codec) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.codec = codec;
        String base = ingestUrl.toString().replaceAll("/+$", "");
        this.trackUri = URI.create(base + "/api/v1/events/track");
        this.batchUri = URI.create(base + "/api/v1/events/batch");
        this.batchSize = batchSize;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
    }

    @Override
    public void send(UserActivityEvent event) {
        byte[] json = codec.encode(event);
        if (batchSize <= 1) {
            post(trackUri, json, 1);
            return;
        }
        buffer.add(json);
        if (buffer.size() >= batchSize) {
            postBuffer();
        }
    }

    private void postBuffer() {
        if (buffer.isEmpty()) {
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(buffer.size() * 600);
        body.writeBytes(BATCH_START);
        for (int i = 0; i < buffer.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(buffer.get(i));
        }
        body.writeBytes(BATCH_END);
        int count = buffer.size();
        buffer.clear();
        post(batchUri, body.toByteArray(), count);
    }

    private void post(URI uri, byte[] body, int events) {
        inFlight.acquireUninterruptibly();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        client.sendAsync(request, PARTIAL_ANSWERS_ONLY).whenComplete((response, error) -> {
            try {
                int accepted = error == null ? accepted(response, events) : 0;
                deliveries.acknowledged(accepted);
                if (accepted < events) {
                    deliveries.failed(events - accepted, () -> "POST " + uri + ": "
                            + (error != null ? error : "HTTP " + response.statusCode() + ", " + accepted + " of " + events + " accepted"));
                }
            } finally {
                // Released after counting, so whoever flushed sees the outcome of every request.
                inFlight.release();
            }
        });
    }

    // 202: all accepted. 207 (batches only): some were, the answer counts them.
    private int accepted(HttpResponse<byte[]> response, int events) {
        return switch (response.statusCode()) {
            case 202 -> events;
            case 207 -> {
                try {
                    yield Math.min(events, Math.max(0, codec.mapper().readTree(response.body()).path("accepted").asInt(0)));
                } catch (JacksonException unreadable) {
                    yield 0;
                }
            }
            default -> 0;
        };
    }

    @Override
    public void flush() {
        postBuffer();
        // Holding every permit means no request is still open.
        inFlight.acquireUninterruptibly(maxInFlight);
        inFlight.release(maxInFlight);
    }

    @Override
    public long acknowledged() {
        return deliveries.acknowledged();
    }

    @Override
    public long failed() {
        return deliveries.failed();
    }

    @Override
    public void close() {
        // Java 17's HttpClient has no close(); its threads end with the client once unreferenced.
        flush();
    }
}
