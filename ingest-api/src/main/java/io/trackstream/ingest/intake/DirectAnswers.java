package io.trackstream.ingest.intake;

import io.trackstream.ingest.ApiError;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes an intake answer to the servlet response as soon as it is known, without holding a
 * servlet thread while Kafka acknowledges. Spring MVC's async return values would dispatch the
 * request through the filter chain and the DispatcherServlet a second time only to write a hundred
 * bytes; measured under load that second pass was about half of a tracked event's CPU. So the
 * request goes into servlet async mode and the completing thread writes the answer and completes.
 *
 * <p>That thread is the Kafka producer's I/O thread, which must never block on a socket: an
 * answer that fits the response buffer is only copied there (the container flushes it on its own
 * thread after {@code complete()}); a larger one (a big batch answer) is written on a container
 * thread. An answer already known (a 400) is written at once, in the request's own thread.
 */
public final class DirectAnswers {

    private static final Logger log = LoggerFactory.getLogger(DirectAnswers.class);

    private final JsonMapper mapper;
    private final long timeoutMillis;
    private final String retryAfterSeconds;

    DirectAnswers(JsonMapper mapper, Duration timeout, String retryAfterSeconds) {
        this.mapper = mapper;
        this.timeoutMillis = timeout.toMillis();
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public void send(HttpServletRequest request, HttpServletResponse response, CompletableFuture<ResponseEntity<Object>> answer)
            throws IOException {
        if (answer.isDone()) {
            write(response, serialize(answer));
            return;
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(timeoutMillis);
        AtomicBoolean answered = new AtomicBoolean();
        async.addListener(new TimeoutAnswer(answered));
        answer.whenComplete((entity, failure) -> {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            Serialized serialized = serialize(answer);
            if (serialized.body().length < response.getBufferSize()) {
                writeQuietly(response, serialized);
                async.complete();
            } else {
                async.start(() -> {
                    writeQuietly(response, serialized);
                    async.complete();
                });
            }
        });
    }

    private Serialized serialize(CompletableFuture<ResponseEntity<Object>> answer) {
        ResponseEntity<Object> entity;
        try {
            entity = answer.join();
        } catch (RuntimeException e) {
            // EventIntake turns every Kafka failure into an answer; anything else is a bug, answered as one.
            log.error("The intake failed to produce an answer", e);
            entity = ResponseEntity.internalServerError().body(ApiError.of("Internal error", "body", "could not be processed"));
        }
        return new Serialized(entity.getStatusCode().value(), entity.getHeaders(), mapper.writeValueAsBytes(entity.getBody()));
    }

    private void writeQuietly(HttpServletResponse response, Serialized answer) {
        try {
            write(response, answer);
        } catch (IOException | RuntimeException e) {
            // The client went away; Kafka holds the event all the same.
            log.debug("Could not write an answer: {}", e.toString());
        }
    }

    private static void write(HttpServletResponse response, Serialized answer) throws IOException {
        response.setStatus(answer.status());
        for (Map.Entry<String, List<String>> header : answer.headers().headerSet()) {
            for (String value : header.getValue()) {
                response.addHeader(header.getKey(), value);
            }
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private record Serialized(int status, HttpHeaders headers, byte[] body) {
    }

    /** The container's async timeout, a safety net far beyond Kafka's own delivery timeout. */
    private final class TimeoutAnswer implements AsyncListener {

        private final AtomicBoolean answered;

        TimeoutAnswer(AtomicBoolean answered) {
            this.answered = answered;
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            if (answered.compareAndSet(false, true)) {
                HttpHeaders headers = new HttpHeaders();
                headers.set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
                writeQuietly((HttpServletResponse) event.getSuppliedResponse(), new Serialized(HttpStatus.SERVICE_UNAVAILABLE.value(),
                        headers, mapper.writeValueAsBytes(ApiError.of("Event could not be queued in time", "kafka", "no answer; retry later"))));
                event.getAsyncContext().complete();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
