package io.trackstream.bench;

import io.trackstream.model.EventSerde;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsBaselineTests {

    @TempDir
    Path dir;

    @Test
    void countsEachUserAndEachEventTypePerMinuteWindow() {
        Instant t0 = Instant.parse("2026-12-03T10:00:05Z");
        List<UserActivityEvent> events = Payloads.events(200, 5, t0, 1_000, 1);
        try (TopologyTestDriver driver = new TopologyTestDriver(StreamsBaseline.topology(),
                StreamsBaseline.config("unused:9092", dir))) {
            TestInputTopic<String, UserActivityEvent> input = driver.createInputTopic(Topics.USER_ACTIVITIES,
                    new StringSerializer(), new EventSerde().serializer());
            events.forEach(e -> input.pipeInput(e.userId(), e, t0));

            UserActivityEvent first = events.get(0);
            WindowStore<String, Long> byUser = driver.getWindowStore(StreamsBaseline.BY_USER);
            WindowStore<String, Long> byType = driver.getWindowStore(StreamsBaseline.BY_TYPE);
            Instant window = Instant.parse("2026-12-03T10:00:00Z");
            assertThat(byUser.fetch(first.userId(), window.toEpochMilli()))
                    .isEqualTo(events.stream().filter(e -> e.userId().equals(first.userId())).count());
            assertThat(byType.fetch(first.eventType(), window.toEpochMilli()))
                    .isEqualTo(events.stream().filter(e -> e.eventType().equals(first.eventType())).count());
        }
    }
}
