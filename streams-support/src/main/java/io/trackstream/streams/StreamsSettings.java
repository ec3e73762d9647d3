package io.trackstream.streams;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code trackstream.streams.*}: what a stream service's topology takes from the shared set-up. The
 * engine's own settings (exactly-once, state directory, RocksDB memory, dead-letter topic) are
 * {@code spring.kafka.streams.*} properties with defaults from {@link StreamsDefaults}.
 *
 * @param dedupHorizon how far apart in event time two records with one {@code event_id} may be and
 *        still count once; clients and the simulator resend within seconds
 */
@ConfigurationProperties("trackstream.streams")
@Validated
public record StreamsSettings(@DefaultValue("1h") @NotNull Duration dedupHorizon) {

    public StreamsSettings {
        if (dedupHorizon != null && (dedupHorizon.isNegative() || dedupHorizon.isZero())) {
            throw new IllegalArgumentException("trackstream.streams.dedup-horizon must be positive, was " + dedupHorizon);
        }
    }
}
