package io.trackstream.fraud.detect;

import io.trackstream.model.EventCodec;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/** {@link FraudAlert} as JSON with the contract's mapper: the one JSON shape of the suite. */
public final class AlertSerde implements Serde<FraudAlert> {

    private static final JsonMapper MAPPER = EventCodec.create().mapper();

    public static byte[] encode(FraudAlert alert) {
        return MAPPER.writeValueAsBytes(alert);
    }

    public static FraudAlert decode(byte[] json) {
        return MAPPER.readValue(json, FraudAlert.class);
    }

    @Override
    public Serializer<FraudAlert> serializer() {
        return (topic, alert) -> alert == null ? null : encode(alert);
    }

    @Override
    public Deserializer<FraudAlert> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }
}
