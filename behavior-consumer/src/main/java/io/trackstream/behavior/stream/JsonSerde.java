package io.trackstream.behavior.stream;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ser.std.StdSerializer;

import java.time.Instant;

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

    /**
     * The contract's mapper, with instants written as epoch milliseconds, for the stores' values
     * only. The contract writes instants with a serializer of its own, so this one is added after
     * it and takes its place; the default deserializer reads numbers (as milliseconds) and text.
     */
    static JsonMapper stateMapper(JsonMapper contract) {
        return contract.rebuild()
                .addModule(new SimpleModule("trackstream-state-instants").addSerializer(Instant.class, new EpochMillis()))
                .disable(DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .build();
    }

    private static final class EpochMillis extends StdSerializer<Instant> {

        EpochMillis() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializationContext context) {
            gen.writeNumber(value.toEpochMilli());
        }
    }

    static <T> Serde<T> of(JsonMapper mapper, Class<T> type) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : mapper.writeValueAsBytes(value);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : mapper.readValue(bytes, type);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
