package io.trackstream.bench;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntFunction;

/**
 * Load at a fixed rate (open loop): request i is due at start + i/rate, and its latency is
 * measured from that due time, not from when it was actually sent, so a stalled server (or a
 * client short of free connections) shows up in the percentiles instead of silently slowing the
 * load (no coordinated omission). The requests are JSON POSTs on a pool of HTTP/1.1 keep-alive
 * connections, one request in flight per connection, driven by a single non-blocking thread
 * ({@link OpenLoop}): blocking workers cost too much CPU on the 2-core machine that also runs the
 * server under test, and could not keep up with 5,000 requests/s.
 */
final class PacedLoad {

    private PacedLoad() {
    }

    /**
     * @param sent requests written (or attempted) on a connection
     * @param failed any status but 202, an I/O error, or no answer within the grace period
     * @param achievedRate answered requests per second, from the start to the last answer
     */
    record Result(Percentiles latency, int sent, int accepted, int failed, double achievedRate) {
    }

    /**
     * The connection pool and patience of a run.
     *
     * @param connections opened (and connected) before the first request is due, and kept open
     * @param maxConnections the most ever open; more are opened lazily while all are busy
     * @param grace how long after the last request is due its answers are awaited
     */
    record Settings(int connections, int maxConnections, Duration grace) {

        // A request takes ~2-5 ms, so 5,000/s needs ~25 connections; the rest absorbs pauses
        // (a GC or a slow Kafka acknowledgement) without queueing in the client.
        static final Settings DEFAULTS = new Settings(64, 256, Duration.ofSeconds(30));

        Settings {
            if (connections < 1 || maxConnections < connections || grace.isNegative()) {
                throw new IllegalArgumentException("need 1 <= connections <= maxConnections and grace >= 0");
            }
        }
    }

    static Result run(URI uri, int rate, Duration duration, IntFunction<String> body, AcceptedListener onAccepted) {
        return run(uri, rate, duration, body, onAccepted, Settings.DEFAULTS);
    }

    /**
     * Sends rate x duration requests and returns once every one is answered or the grace period
     * is over. Blocks the calling thread, which runs the whole load.
     *
     * @param body the JSON body of request i, asked for when request i is sent
     * @param onAccepted called with (i, time of the 202) for every accepted request, on the load's
     *                   thread: it must be quick or it delays the load
     */
    static Result run(URI uri, int rate, Duration duration, IntFunction<String> body, AcceptedListener onAccepted,
                      Settings settings) {
        return new OpenLoop(RequestEncoder.post(uri), body, settings, new LoadTally(rate, total(rate, duration), 202, onAccepted)).run();
    }

    /**
     * GETs at a fixed rate, like {@link #run} but reads: {@code target} gives the path and query of
     * request i on {@code server}; a 200 counts as accepted.
     */
    static Result get(URI server, int rate, Duration duration, IntFunction<String> target) {
        return new OpenLoop(RequestEncoder.get(server), target, Settings.DEFAULTS,
                new LoadTally(rate, total(rate, duration), 200, AcceptedListener.NONE)).run();
    }

    private static int total(int rate, Duration duration) {
        if (rate < 1) {
            throw new IllegalArgumentException("rate must be at least 1/s");
        }
        return (int) (rate * duration.toMillis() / 1000);
    }

    @FunctionalInterface
    interface AcceptedListener {
        void accepted(int index, Instant acceptedAt);

        AcceptedListener NONE = (index, at) -> { };
    }
}
