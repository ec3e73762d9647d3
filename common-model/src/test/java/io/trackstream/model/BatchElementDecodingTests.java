package io.trackstream.model;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

import static io.trackstream.model.Samples.CODEC;
import static io.trackstream.model.Samples.RECEIVED_AT;
import static org.assertj.core.api.Assertions.assertThat;

/** The batch endpoint parses {"sent_at": ..., "events": [...]} once and decodes each element alone. */
class BatchElementDecodingTests {

    private static final Instant BATCH_SENT_AT = Instant.parse("2024-01-15T09:31:00Z");

    private static final JsonNode EVENTS = CODEC.mapper().readTree("""
            [{"user_id": "u-1", "event_type": "click", "timestamp": "2024-01-15T09:30:00Z"},
             {"user_id": "u-1", "event_type": "click", "timestamp": "2024-01-15T10:30:00Z",
              "sent_at": "2024-01-15T10:30:59Z"},
             {"user_id": 0, "event_type": "click", "timestamp": "2024-01-15T09:30:00Z"},
             "not an event"]""");

    @Test
    void usesTheBatchSentAtForEventsWithoutOne() {
        UserActivityEvent event = CODEC.decodeClient(EVENTS.get(0), RECEIVED_AT, BATCH_SENT_AT).event();

        assertThat(event.sentAt()).isEqualTo(BATCH_SENT_AT);
        assertThat(event.clockSkewMs()).isEqualTo(3_600_000L);
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2024-01-15T10:30:00Z"));
    }

    @Test
    void letsTheEventsOwnSentAtWin() {
        UserActivityEvent event = CODEC.decodeClient(EVENTS.get(1), RECEIVED_AT, BATCH_SENT_AT).event();

        assertThat(event.sentAt()).isEqualTo(Instant.parse("2024-01-15T10:30:59Z"));
        assertThat(event.clockSkewMs()).isNull();
    }

    @Test
    void validatesEachElementOnItsOwn() {
        assertThat(CODEC.decodeClient(EVENTS.get(2), RECEIVED_AT, BATCH_SENT_AT).violations())
                .extracting(Violation::field).containsExactly("user_id");
        assertThat(CODEC.decodeClient(EVENTS.get(3), RECEIVED_AT, BATCH_SENT_AT).violations())
                .extracting(Violation::field).containsExactly("body");
        assertThat(CODEC.decodeClient(EVENTS.get(0), RECEIVED_AT, null).event().sentAt()).isNull();
    }

    @Test
    void assignsDistinctIdsToEachElement() {
        String first = CODEC.decodeClient(EVENTS.get(0), RECEIVED_AT, BATCH_SENT_AT).event().eventId();
        String second = CODEC.decodeClient(EVENTS.get(1), RECEIVED_AT, BATCH_SENT_AT).event().eventId();

        assertThat(first).isNotEqualTo(second);
    }
}
