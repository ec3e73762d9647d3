package io.trackstream.ingest;

import io.trackstream.model.IntakePolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Everything the ingest API can be tuned with, under {@code trackstream.ingest}. Validated at start,
 * so a bad value stops the application instead of surfacing on the first request.
 *
 * @param apiKeys the accepted {@code X-API-Key} values; empty means the API is open (local demo)
 * @param limits body and batch limits
 * @param clock how client clocks are judged (applied by the codec's {@link IntakePolicy})
 * @param enrichment what the edge adds to each event
 * @param kafka how long the API waits for the broker
 * @param rateLimit the token bucket per API key (per client IP when open)
 * @param cors which web pages may send events from a browser
 */
@Validated
@ConfigurationProperties("trackstream.ingest")
public record IngestProperties(
        @DefaultValue List<String> apiKeys,
        @DefaultValue @Valid Limits limits,
        @DefaultValue @Valid ClockPolicy clock,
        @DefaultValue @Valid Enrichment enrichment,
        @DefaultValue @Valid Kafka kafka,
        @DefaultValue @Valid RateLimit rateLimit,
        @DefaultValue @Valid Cors cors) {

    /**
     * @param maxEventBody the largest body of {@code /track}; twice the 32 KB event limit so that
     *        pretty-printed JSON of a valid event is not refused for its whitespace
     * @param maxBatchBody the largest body of {@code /batch}
     * @param maxBatchEvents the most events in one batch
     */
    public record Limits(
            @DefaultValue("64KB") @NotNull DataSize maxEventBody,
            @DefaultValue("1MB") @NotNull DataSize maxBatchBody,
            @DefaultValue("500") @Min(1) int maxBatchEvents) {
    }

    /**
     * @param skewThreshold from this difference between received_at and sent_at on, the timestamp is shifted
     * @param maxFuture how far after received_at a (corrected) timestamp may lie
     * @param maxSkewCorrection the largest difference between received_at and sent_at that is corrected;
     *        an event whose sent_at is further off is rejected naming sent_at (see {@link IntakePolicy#DEFAULTS})
     */
    public record ClockPolicy(
            @DefaultValue("5s") @NotNull Duration skewThreshold,
            @DefaultValue("5m") @NotNull Duration maxFuture,
            @DefaultValue("24h") @NotNull Duration maxSkewCorrection) {

        public IntakePolicy toIntakePolicy() {
            return new IntakePolicy(maxFuture, skewThreshold, maxSkewCorrection, IntakePolicy.DEFAULTS.maxEventBytes());
        }
    }

    /**
     * @param anonymizeIp zero the last octet of IPv4 and the last 80 bits of IPv6 addresses
     * @param trustedProxies peers (addresses or CIDR ranges) whose X-Forwarded-For is believed
     * @param userAgentCacheSize how many parsed user agents are kept (parsing is regex-heavy)
     */
    public record Enrichment(
            @DefaultValue("true") boolean anonymizeIp,
            @DefaultValue List<String> trustedProxies,
            @DefaultValue("10000") @Min(0) int userAgentCacheSize) {
    }

    /**
     * @param deliveryTimeout how long a send may take until the request answers 503 (producer
     *        {@code delivery.timeout.ms})
     * @param maxBlock how long a send may wait for metadata or buffer space ({@code max.block.ms})
     * @param retryAfter what 503 answers put in {@code Retry-After}
     * @param healthTimeout how long the readiness check waits for the broker
     * @param healthCacheTtl how long a readiness answer is reused
     */
    public record Kafka(
            @DefaultValue("5s") @NotNull Duration deliveryTimeout,
            @DefaultValue("1s") @NotNull Duration maxBlock,
            @DefaultValue("5s") @NotNull Duration retryAfter,
            @DefaultValue("2s") @NotNull Duration healthTimeout,
            @DefaultValue("5s") @NotNull Duration healthCacheTtl) {

        /** {@code retryAfter} as a {@code Retry-After} value: whole seconds, at least 1. */
        public String retryAfterHeader() {
            return Long.toString(Math.max(1, retryAfter.toSeconds()));
        }
    }

    /**
     * @param enabled whether requests are rate limited at all
     * @param capacity the burst a client may send at once
     * @param refillPerSecond the sustained requests per second per client
     * @param maxClients how many clients' buckets are kept (least recently used dropped first)
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("100000") @Min(1) long capacity,
            @DefaultValue("50000") @Min(1) long refillPerSecond,
            @DefaultValue("100000") @Min(1) long maxClients) {
    }

    /**
     * Cross-origin access for browsers (tracker pages on the customers' own sites).
     *
     * @param allowedOrigins origins such as {@code https://shop.example} whose pages may POST events, or
     *        {@code *} for public ingest: the API key, not the origin, is what authenticates, and no
     *        cookies are involved; empty allows none
     * @param maxAge how long a browser may reuse a preflight answer ({@code Access-Control-Max-Age};
     *        Chromium caps it at 2 h)
     */
    public record Cors(
            @DefaultValue("*") List<String> allowedOrigins,
            @DefaultValue("1h") @NotNull Duration maxAge) {
    }
}
