package io.trackstream.analytics.compute;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonSerdeTests {

    private final JsonSerde<AnalyticsRows.Summary> summaries = new JsonSerde<>(AnalyticsRows.Summary.class);

    @Test
    void writesInstantsAsEpochMillisecondsAndReadsThemBackExactly() {
        AnalyticsRows.Summary summary = new AnalyticsRows.Summary("hour", Instant.parse("2026-12-03T12:00:00Z"), 3,
                Map.of("page_view", 7L), 5, Map.of("USD", 1L), Map.of("USD", new BigDecimal("19.90")), 0);
        byte[] bytes = summaries.serializer().serialize("t", summary);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("1796299200000").doesNotContain("2026-12-03T");
        assertThat(summaries.deserializer().deserialize("t", bytes)).isEqualTo(summary);
    }

    @Test
    void readsValuesAnEarlierVersionWroteWithIsoText() {
        String iso = "{\"granularity\":\"day\",\"windowStart\":\"2026-12-03T00:00:00Z\",\"sourcePartition\":1,"
                + "\"events\":{},\"distinctUsers\":0,\"orders\":{},\"revenue\":{},\"lateDropped\":0}";
        assertThat(summaries.deserializer().deserialize("t", iso.getBytes(StandardCharsets.UTF_8)).windowStart())
                .isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
        JsonSerde<AnalyticsRows.Page> pages = new JsonSerde<>(AnalyticsRows.Page.class);
        String page = "{\"day\":\"2026-12-03\",\"sourcePartition\":1,\"page\":\"/\",\"views\":2}";
        assertThat(pages.deserializer().deserialize("t", page.getBytes(StandardCharsets.UTF_8)).day())
                .isEqualTo(LocalDate.parse("2026-12-03"));
    }
}
