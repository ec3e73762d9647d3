package io.trackstream.analytics.compute;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for the topology's state values (small records; readable in a changelog dump). Amounts are
 * BigDecimal and stay exact: Jackson reads decimals as BigDecimal into BigDecimal fields. Instants
 * and days are numbers (epoch milliseconds, [year, month, day]): every event reads and writes two
 * window summaries and its figures, and ISO text made an instant the costliest field of a summary's
 * round trip. Values written as ISO text by an earlier version still read.
 */
final class JsonSerde<T> implements Serde<T> {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .disable(DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .build();

    private final Class<T> type;

    JsonSerde(Class<T> type) {
        this.type = type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : MAPPER.writeValueAsBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : MAPPER.readValue(bytes, type);
    }
}
