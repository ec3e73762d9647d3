package io.trackstream.producer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The simulator's options, {@code trackstream.simulator.*}; on the command line they go by their
 * short names ({@code --rate=200}, see {@link CommandLineOptions}). Checked when bound: a bad value
 * stops the start with a message naming the option.
 *
 * @param rate events per second, steady
 * @param events stop after this many events (duplicates included); null for no limit
 * @param duration stop after this long; null for no limit (with neither, run until stopped)
 * @param users how many distinct users
 * @param seed the same seed gives the same stream
 * @param target where events go
 * @param ingestUrl the ingest API's base URL, for the http target
 * @param batchSize events per HTTP request; above 1 the batch endpoint is used
 * @param maxInFlight HTTP requests open at once
 * @param lateFraction share of events stamped in the past and sent out of order
 * @param maxLateness how far in the past a late event can be
 * @param duplicateFraction share of events sent twice with the same event id
 * @param fraudFraction chance per event of starting an injected fraud case
 * @param start simulated start time of a backfill; null to stamp the real time
 * @param timeScale simulated seconds per real second when {@code start} is set
 * @param groundTruth where to write the ground truth JSON at the end; null for none
 * @param progressInterval how often a progress line is printed when not on a terminal
 */
@ConfigurationProperties("trackstream.simulator")
record SimulatorProperties(
        @DefaultValue("200") double rate,
        Long events,
        Duration duration,
        @DefaultValue("1000") int users,
        @DefaultValue("42") long seed,
        @DefaultValue("kafka") Target target,
        @DefaultValue("http://127.0.0.1:8080") URI ingestUrl,
        @DefaultValue("1") int batchSize,
        @DefaultValue("64") int maxInFlight,
        @DefaultValue("0.01") double lateFraction,
        @DefaultValue("PT10M") Duration maxLateness,
        @DefaultValue("0.01") double duplicateFraction,
        @DefaultValue("0.001") double fraudFraction,
        Instant start,
        @DefaultValue("1") double timeScale,
        Path groundTruth,
        @DefaultValue("PT5S") Duration progressInterval) {

    /** Where the events go. */
    enum Target { KAFKA, HTTP }

    SimulatorProperties {
        check(rate > 0 && rate <= 10_000_000, "--rate", "must be > 0 and <= 10000000 events per second, was " + rate);
        check(events == null || events > 0, "--events", "must be >= 1, was " + events);
        check(duration == null || (!duration.isNegative() && !duration.isZero()), "--duration",
                "must be a positive ISO-8601 duration such as PT30S, was " + duration);
        check(users >= 1, "--users", "must be >= 1, was " + users);
        check(batchSize >= 1 && batchSize <= 1000, "--batch-size", "must be between 1 and 1000, was " + batchSize);
        check(maxInFlight >= 1, "--max-in-flight", "must be >= 1, was " + maxInFlight);
        check(fraction(lateFraction), "--late-fraction", "must be between 0 and 1, was " + lateFraction);
        check(fraction(duplicateFraction), "--duplicate-fraction", "must be between 0 and 1, was " + duplicateFraction);
        check(fraction(fraudFraction), "--fraud-fraction", "must be between 0 and 1, was " + fraudFraction);
        check(!maxLateness.isNegative() && !maxLateness.isZero(), "--max-lateness", "must be positive, was " + maxLateness);
        check(timeScale > 0, "--time-scale", "must be > 0, was " + timeScale);
        check(!progressInterval.isNegative() && !progressInterval.isZero(), "--progress-interval",
                "must be positive, was " + progressInterval);
        String scheme = ingestUrl.getScheme();
        check(("http".equals(scheme) || "https".equals(scheme)) && ingestUrl.getHost() != null, "--ingest-url",
                "must be an http(s) URL such as http://127.0.0.1:8080, was " + ingestUrl);
    }

    /** True when the run ends by itself (an event count or a duration was given). */
    boolean finite() {
        return events != null || duration != null;
    }

    private static boolean fraction(double value) {
        return value >= 0 && value <= 1;
    }

    private static void check(boolean ok, String option, String message) {
        if (!ok) {
            throw new IllegalArgumentException(option + " " + message);
        }
    }
}
