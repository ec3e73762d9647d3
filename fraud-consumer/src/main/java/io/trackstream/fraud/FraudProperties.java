package io.trackstream.fraud;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code trackstream.fraud.*}: the fraud consumer's settings. The rules' own thresholds are not
 * here: they live on the {@code fraud-rules} topic and change through the API.
 *
 * @param grace how long an event waits for earlier ones that arrive out of order: the
 *        order-dependent rules judge events in event-time order once the partition's stream time
 *        passes their time plus this (single-event rules judge them on arrival, without waiting)
 * @param idleFlush how long a partition's stream time may stand still (a quiet partition) before
 *        every waiting event is judged anyway
 * @param adminKey when set, changing a rule needs this value in the {@code X-Admin-Key} header
 * @param alertTtl how long stored alerts are kept in Cassandra
 */
@ConfigurationProperties("trackstream.fraud")
@Validated
public record FraudProperties(
        @DefaultValue("2m") @NotNull Duration grace,
        @DefaultValue("5s") @NotNull Duration idleFlush,
        String adminKey,
        @DefaultValue("30d") @NotNull Duration alertTtl) {

    public FraudProperties {
        requirePositive("grace", grace, true);
        requirePositive("idle-flush", idleFlush, false);
        requirePositive("alert-ttl", alertTtl, false);
        adminKey = adminKey == null || adminKey.isBlank() ? null : adminKey;
    }

    private static void requirePositive(String name, Duration value, boolean zeroAllowed) {
        if (value != null && (value.isNegative() || (!zeroAllowed && value.isZero()))) {
            throw new IllegalArgumentException("trackstream.fraud." + name + " must be " + (zeroAllowed ? "at least 0" : "positive")
                    + ", was " + value);
        }
    }
}
