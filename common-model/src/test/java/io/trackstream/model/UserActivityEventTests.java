package io.trackstream.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class UserActivityEventTests {

    private static final UserActivityEvent EVENT = new UserActivityEvent("e-1", "u-1", "purchase",
            Instant.parse("2024-01-15T10:30:45.120Z"), null, null, "s-1", null, null, null, null, null,
            null, null, "{\"a\":1}", null, null);

    @Test
    void replacesOneComponentPerWither() {
        Instant receivedAt = Instant.parse("2024-01-15T10:31:00.999999Z");

        assertThat(EVENT.withEventId("e-2").eventId()).isEqualTo("e-2");
        assertThat(EVENT.withReceivedAt(receivedAt).receivedAt()).isEqualTo(Instant.parse("2024-01-15T10:31:00.999Z"));
        assertThat(EVENT.withIpAddress("::1").ipAddress()).isEqualTo("::1");
        assertThat(EVENT.withDevice(new Device("tv", null, null)).device()).isEqualTo(new Device("tv", null, null));
        assertThat(EVENT.withEventId("e-2").withEventId("e-1")).isEqualTo(EVENT);
    }

    @Test
    void recordsASkewCorrection() {
        UserActivityEvent corrected = EVENT.withSkewCorrection(Instant.parse("2024-01-15T11:30:45.120Z"),
                EVENT.timestamp(), 3_600_000L);

        assertThat(corrected.timestamp()).isEqualTo(Instant.parse("2024-01-15T11:30:45.120Z"));
        assertThat(corrected.clientTimestamp()).isEqualTo(EVENT.timestamp());
        assertThat(corrected.clockSkewMs()).isEqualTo(3_600_000L);
        assertThat(corrected.metadata()).isEqualTo(EVENT.metadata());
    }

    @Test
    void knowsItsKnownType() {
        assertThat(EVENT.knownType()).contains(KnownEventType.PURCHASE);
        assertThat(EVENT.withDevice(null).knownType()).contains(KnownEventType.PURCHASE);
    }
}
