package io.trackstream.streams;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsReadinessTests {

    private final StreamsReadiness readiness = new StreamsReadiness();

    @Test
    void isDownUntilTheApplicationFirstRuns() {
        assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);
        readiness.onChange(State.REBALANCING, State.CREATED);
        assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);

        readiness.onChange(State.RUNNING, State.REBALANCING);

        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
        assertThat(readiness.health().getDetails()).containsEntry("state", "RUNNING");
    }

    @Test
    void staysUpThroughALaterRebalance() {
        readiness.onChange(State.RUNNING, State.REBALANCING);

        readiness.onChange(State.REBALANCING, State.RUNNING);

        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void isDownWhenStoppingOrFailed() {
        readiness.onChange(State.RUNNING, State.REBALANCING);

        readiness.onChange(State.PENDING_ERROR, State.RUNNING);
        assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);
        readiness.onChange(State.ERROR, State.PENDING_ERROR);
        assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);
    }
}
