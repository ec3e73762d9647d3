package io.trackstream.bench;

import io.trackstream.model.EventCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class WholePipelineTests {

    @Test
    void aLagThatWigglesAroundAConstantIsBounded() {
        List<Long> lag = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            lag.add(i % 2 == 0 ? 1_500L : 3_500L);
        }
        assertThat(WholePipeline.growing(lag, 2_000)).isFalse();
    }

    @Test
    void aLagThatGrowsByMoreThanTwoPercentOfTheRateIsGrowing() {
        // 2,000/s in, 1,900/s out: 100 events more every second, 500 per 5 s sample
        List<Long> lag = LongStream.range(0, 24).map(i -> 1_000 + 500 * i).boxed().toList();
        assertThat(WholePipeline.growing(lag, 2_000)).isTrue();
    }

    @Test
    void aSmallLagIsBoundedEvenWhileItRises() {
        // under two seconds of input at the end: a commit interval or a poll, not falling behind
        List<Long> lag = LongStream.range(0, 24).map(i -> 10 * i).boxed().toList();
        assertThat(WholePipeline.growing(lag, 2_000)).isFalse();
    }

    @Test
    void aBatchHoldsAHundredContractEvents() {
        JsonNode batch = JsonMapper.builder().build().readTree(WholePipeline.batchBody(7, Instant.parse("2026-12-03T12:00:00Z")));
        assertThat(batch.get("events").size()).isEqualTo(100);
        EventCodec codec = EventCodec.create();
        Instant now = Instant.parse("2026-12-03T12:00:01Z");
        batch.get("events").forEach(event -> assertThat(codec.decodeClient(event, now, null).violations()).isEmpty());
    }
}
