package io.trackstream.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSerdeTests {

    private final EventSerde serde = new EventSerde();

    @Test
    void roundTripsAnEventThroughTheContractCodec() {
        UserActivityEvent event = Samples.CODEC.decodeClient(Samples.json(Samples.validFields()), Samples.RECEIVED_AT).event();

        byte[] bytes = serde.serializer().serialize("user-activities", event);

        assertThat(bytes).isEqualTo(Samples.CODEC.encode(event));
        assertThat(serde.deserializer().deserialize("user-activities", bytes)).isEqualTo(event);
    }

    @Test
    void refusesARecordThatBreaksTheContractNamingEveryRule() {
        byte[] noIdNoUser = "{\"event_type\":\"click\",\"timestamp\":\"2024-01-15T10:30:45.120Z\",\"received_at\":\"2024-01-15T10:31:00.000Z\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserializer().deserialize("user-activities", noIdNoUser))
                .isInstanceOf(EventSerde.InvalidEventException.class)
                .hasMessageContaining("event_id: ")
                .hasMessageContaining("user_id: ");
    }

    @Test
    void refusesBytesThatAreNotJson() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("user-activities", new byte[] {'{', 'x'}))
                .isInstanceOf(EventSerde.InvalidEventException.class)
                .hasMessageStartingWith("body: ");
    }

    @Test
    void passesTombstonesThroughAsNull() {
        assertThat(serde.deserializer().deserialize("user-activities", null)).isNull();
        assertThat(serde.serializer().serialize("user-activities", null)).isNull();
    }
}
