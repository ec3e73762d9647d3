package io.trackstream.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Load at a fixed rate: request i is due at start + i/rate, and its latency is measured from that
 * due time, not from when it was actually sent, so a stalled server shows up in the percentiles
 * instead of silently slowing the load (no coordinated omission). A fixed pool of workers, each
 * on its own keep-alive connection, takes the next due request: the client never opens a
 * connection per request, which would measure connection set-up instead of the server.
 */
final class PacedLoad {

    // Enough connections for the rates measured here (a request takes ~2 ms); more threads only
    // take CPU from the server under test on a small machine.
    private static final int WORKERS = 16;

    private PacedLoad() {
    }

    record Result(Percentiles latency, int sent, int accepted, int failed, double achievedRate) {
    }

    /**
     * @param body the JSON body of request i
     * @param onAccepted called with (i, time of the 202) for every accepted request
     */
    static Result run(URI uri, int rate, Duration duration, IntFunction<String> body, AcceptedListener onAccepted) {
        int total = (int) (rate * duration.toSeconds());
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong lastDone = new AtomicLong();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            Thread worker = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long due = start + (long) (i * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    int status = post(uri, body.apply(i));
                    long now = System.nanoTime();
                    latencies[i] = now - due;
                    if (status == 202) {
                        accepted.incrementAndGet();
                        onAccepted.accepted(i, Instant.now());
                    } else {
                        failed.incrementAndGet();
                    }
                    lastDone.accumulateAndGet(now, Math::max);
                }
            }, "paced-load-" + w);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        double seconds = (lastDone.get() - start) / 1e9;
        return new Result(Percentiles.ofNanos(latencies, total), total, accepted.get(), failed.get(), total / seconds);
    }

    /** One POST on the worker's keep-alive connection (the JDK reuses it once the body is read). */
    private static int post(URI uri, String json) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(10_000);
            connection.setRequestProperty("Content-Type", "application/json");
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            connection.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    @FunctionalInterface
    interface AcceptedListener {
        void accepted(int index, Instant acceptedAt);

        AcceptedListener NONE = (index, at) -> { };
    }
}
