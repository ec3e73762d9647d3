package io.trackstream.behavior.stream;

import io.trackstream.model.EventCodec;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JsonSerdeTests {

    private final JsonMapper contract = EventCodec.create().mapper();
    private final Serde<Profile> profiles = JsonSerde.of(JsonSerde.stateMapper(contract), Profile.class);

    @Test
    void storesInstantsAsEpochMillisecondsInSnakeCase() {
        Profile profile = Profile.empty("u-1");
        profile.firstSeen = Instant.parse("2026-12-03T12:00:00.123Z");
        byte[] bytes = profiles.serializer().serialize("t", profile);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"first_seen\":1796299200123").doesNotContain("2026-12-03T");
        assertThat(profiles.deserializer().deserialize("t", bytes).firstSeen).isEqualTo(profile.firstSeen);
    }

    @Test
    void readsProfilesAnEarlierVersionWroteWithIsoInstants() {
        byte[] iso = contract.writeValueAsBytes(withFirstSeen(Instant.parse("2026-12-03T12:00:00.123Z")));
        assertThat(new String(iso, StandardCharsets.UTF_8)).contains("2026-12-03T12:00:00.123Z");
        assertThat(profiles.deserializer().deserialize("t", iso).firstSeen).isEqualTo(Instant.parse("2026-12-03T12:00:00.123Z"));
    }

    @Test
    void leavesTheContractMapperAsItWas() {
        JsonSerde.stateMapper(contract);
        assertThat(new String(contract.writeValueAsBytes(withFirstSeen(Instant.parse("2026-12-03T12:00:00Z"))), StandardCharsets.UTF_8))
                .contains("2026-12-03T12:00:00");
    }

    private static Profile withFirstSeen(Instant at) {
        Profile profile = Profile.empty("u-1");
        profile.firstSeen = at;
        return profile;
    }
}
