package io.trackstream.behavior.stream;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The state stores' values as JSON, written with the event contract's mapper (snake_case), readable
 * in a changelog, except that instants are epoch milliseconds: every event reads and writes its
 * user's profile, and formatting and parsing six ISO instants was most of that (a JSON round trip
 * of an instant-heavy value took 3.5 times as long with ISO text as with numbers). Values written
 * with ISO instants by an earlier version still read: the reader takes either form.
 */
final class JsonSerde {

    private JsonSerde() {
    }

    /** The contract's mapper, with instants as epoch milliseconds, for the stores' values only. */
    static JsonMapper stateMapper(JsonMapper contract) {
        return contract.rebuild()
                .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .disable(DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .build();
    }

    static <T> Serde<T> of(JsonMapper mapper, Class<T> type) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : mapper.writeValueAsBytes(value);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : mapper.readValue(bytes, type);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
