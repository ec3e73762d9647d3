package io.trackstream.bench;

import java.time.Instant;

/**
 * What a paced load measured. Request i is due at start + i/rate and its latency runs from that
 * due time to its answer (or failure), whenever it was actually sent. Owned by the load's thread.
 */
final class LoadTally {

    private final int rate;
    private final long[] latencies;
    private final int success;
    private final PacedLoad.AcceptedListener onAccepted;
    private long start;
    private int sent;
    private int done;
    private int answered;
    private int accepted;
    private int failed;
    private long lastAnswer;

    /** @param success the status that counts as accepted: 202 for an event, 200 for a read */
    LoadTally(int rate, int total, int success, PacedLoad.AcceptedListener onAccepted) {
        this.rate = rate;
        this.success = success;
        this.latencies = new long[total];
        this.onAccepted = onAccepted;
    }

    void start(long now) {
        start = now;
    }

    /** The System.nanoTime() at which request i is due. */
    long due(int i) {
        return start + (long) (i * 1e9 / rate);
    }

    int total() {
        return latencies.length;
    }

    boolean allDone() {
        return done == latencies.length;
    }

    void sent() {
        sent++;
    }

    /** Request i got an answer: only the success status counts as accepted. */
    void answered(int i, int status) {
        long now = System.nanoTime();
        record(i, now);
        answered++;
        lastAnswer = now;
        if (status == success) {
            accepted++;
            onAccepted.accepted(i, Instant.now());
        } else {
            failed++;
        }
    }

    /**
     * Request i failed without an answer: an I/O error, or none by the end of the grace period
     * (then its latency is a lower bound, which still belongs in the tail).
     */
    void failed(int i) {
        record(i, System.nanoTime());
        failed++;
    }

    PacedLoad.Result result() {
        double seconds = (lastAnswer - start) / 1e9;
        return new PacedLoad.Result(Percentiles.ofNanos(latencies, latencies.length), sent, accepted, failed,
                answered == 0 ? 0 : answered / seconds);
    }

    private void record(int i, long now) {
        latencies[i] = now - due(i);
        done++;
    }
}
