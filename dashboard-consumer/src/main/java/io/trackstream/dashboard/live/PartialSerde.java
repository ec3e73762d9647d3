package io.trackstream.dashboard.live;

import io.trackstream.model.EventCodec;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/** A {@link Partial} as JSON, with the contract's mapper settings (snake_case, ISO-8601 instants). */
final class PartialSerde implements Serde<Partial> {

    private static final JsonMapper MAPPER = EventCodec.create().mapper();

    @Override
    public Serializer<Partial> serializer() {
        return (topic, partial) -> partial == null ? null : MAPPER.writeValueAsBytes(partial);
    }

    @Override
    public Deserializer<Partial> deserializer() {
        return (topic, bytes) -> bytes == null ? null : MAPPER.readValue(bytes, Partial.class);
    }
}
