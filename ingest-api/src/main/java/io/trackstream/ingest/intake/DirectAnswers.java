package io.trackstream.ingest.intake;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes the intake's answer (decided by {@link EventIntake} or the Segment intake, and by
 * {@link ApiErrorAdvice} for a bug or a timeout) once Kafka has spoken, without holding a servlet
 * thread meanwhile.
 *
 * <p>Why not return the future to Spring MVC: its async support dispatches the request a second
 * time through the filter chain and the DispatcherServlet only to write a hundred bytes. Measured
 * on the same machine, one build right after the other, that second pass tripled the CPU of a
 * tracked event: 2,400 against 7,500 tracks/s with wrk (bench/results/issue-20-direct-answers.md).
 *
 * <p>The completing thread is the Kafka producer's I/O thread, which must never block on a socket:
 * an answer that fits the response buffer is only copied there (the container flushes it on its
 * own thread after {@code complete()}); a larger one (a big batch answer) is written on a container
 * thread. An answer already known (a 400) is written at once, on the request's own thread.
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
            entity = ApiErrorAdvice.internalError(e);
        }
        return serialize(entity);
    }

    private Serialized serialize(ResponseEntity<Object> entity) {
        return new Serialized(entity, mapper.writeValueAsBytes(entity.getBody()));
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
        response.setStatus(answer.entity().getStatusCode().value());
        answer.entity().getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private record Serialized(ResponseEntity<Object> entity, byte[] body) {
    }

    /** The container's async timeout: answered by the one rule for it, as Spring MVC's would be. */
    private final class TimeoutAnswer implements AsyncListener {

        private final AtomicBoolean answered;

        TimeoutAnswer(AtomicBoolean answered) {
            this.answered = answered;
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            if (answered.compareAndSet(false, true)) {
                writeQuietly((HttpServletResponse) event.getSuppliedResponse(),
                        serialize(ApiErrorAdvice.notQueuedInTime(retryAfterSeconds)));
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
