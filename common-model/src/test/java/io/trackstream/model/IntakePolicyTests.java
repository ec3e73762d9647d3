package io.trackstream.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IntakePolicyTests {

    @Test
    void defaultsToFiveMinutesFiveSecondsADayAnd32Kilobytes() {
        assertThat(IntakePolicy.DEFAULTS).isEqualTo(
                new IntakePolicy(Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofHours(24), 32_768));
        assertThat(EventCodec.create().policy()).isEqualTo(IntakePolicy.DEFAULTS);
    }

    @Test
    void rejectsNegativeDurationsAndSizes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IntakePolicy(Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO, 1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IntakePolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO, 0));
    }

    @Test
    void refusesACorrectionLimitBelowTheThreshold() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IntakePolicy(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(4), 1));
    }
}
