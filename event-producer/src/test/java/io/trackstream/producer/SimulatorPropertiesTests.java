package io.trackstream.producer;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulatorPropertiesTests {

    private static SimulatorProperties with(double rate, Duration duration, double lateFraction, String url) {
        return new SimulatorProperties(rate, null, duration, 1000, 42, SimulatorProperties.Target.KAFKA,
                URI.create(url), 1, 64, lateFraction, Duration.ofMinutes(10), 0.01, 0.001, null, 1, null,
                Duration.ofSeconds(5));
    }

    @Test
    void namesTheOptionOfABadValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> with(0, null, 0.01, "http://h:1"))
                .withMessageStartingWith("--rate ");
        assertThatIllegalArgumentException().isThrownBy(() -> with(1, Duration.ZERO, 0.01, "http://h:1"))
                .withMessageStartingWith("--duration ");
        assertThatIllegalArgumentException().isThrownBy(() -> with(1, null, 1.5, "http://h:1"))
                .withMessageStartingWith("--late-fraction ");
        assertThatIllegalArgumentException().isThrownBy(() -> with(1, null, 0.01, "ftp://h:1"))
                .withMessageStartingWith("--ingest-url ");
    }

    @Test
    void isFiniteOnlyWithAnEventCountOrADuration() {
        assertThat(with(1, null, 0.01, "http://h:1").finite()).isFalse();
        assertThat(with(1, Duration.ofSeconds(5), 0.01, "http://h:1").finite()).isTrue();
    }
}
