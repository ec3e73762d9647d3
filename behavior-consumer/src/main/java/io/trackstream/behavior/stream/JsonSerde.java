package io.trackstream.behavior.stream;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The state stores' values as JSON, written with the event contract's mapper (snake_case, ISO
 * instants): readable in a changelog, and the same shape as the documents in Cassandra.
 */
final class JsonSerde {

    private JsonSerde() {
    }

    static <T> Serde<T> of(JsonMapper mapper, Class<T> type) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : mapper.writeValueAsBytes(value);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : mapper.readValue(bytes, type);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
