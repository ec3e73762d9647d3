package io.trackstream.producer;

import java.time.Duration;
import java.util.Locale;

/**
 * Formats the progress of a run: events sent, achieved rate, errors, elapsed and remaining time.
 * One line, rewritten in place ({@code \r}) on a terminal, or a plain line per report otherwise.
 */
final class Progress {

    /** What is known at one moment of a run; {@code remaining} is null when the run has no end. */
    record Snapshot(long sent, long acknowledged, long failed, Duration elapsed, Duration remaining) {

        double rate() {
            double seconds = elapsed.toNanos() / 1e9;
            return seconds <= 0 ? 0 : sent / seconds;
        }
    }

    private Progress() {
    }

    static String line(Snapshot s) {
        return String.format(Locale.ROOT, "sent %,d | %,.1f events/s | acked %,d | errors %,d | elapsed %s | remaining %s",
                s.sent(), s.rate(), s.acknowledged(), s.failed(), format(s.elapsed()),
                s.remaining() == null ? "until stopped" : format(s.remaining()));
    }

    static String summary(Snapshot s, String target) {
        return String.format(Locale.ROOT, "done: sent %,d events to %s in %s (%,.1f events/s), %,d acknowledged, %,d errors",
                s.sent(), target, format(s.elapsed()), s.rate(), s.acknowledged(), s.failed());
    }

    static String format(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }
}
