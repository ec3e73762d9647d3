package io.trackstream.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.trackstream.model.Samples.CODEC;
import static io.trackstream.model.Samples.quoted;
import static org.assertj.core.api.Assertions.assertThat;

/** Records read back from Kafka: the server-owned fields are required or trusted, nothing is changed. */
class DecodeRecordTests {

    private static Map<String, String> recordFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event_id", quoted("evt-1"));
        fields.putAll(Samples.validFields());
        fields.put("received_at", quoted("2024-01-15T10:31:00.000Z"));
        return fields;
    }

    private static EventCodec.Decoded decode(Map<String, String> fields) {
        return CODEC.decodeRecord(Samples.json(fields));
    }

    @Test
    void acceptsAValidRecord() {
        EventCodec.Decoded decoded = decode(recordFields());

        assertThat(decoded.violations()).isEmpty();
        assertThat(decoded.event().eventId()).isEqualTo("evt-1");
        assertThat(decoded.event().receivedAt()).isEqualTo(Instant.parse("2024-01-15T10:31:00Z"));
    }

    @Test
    void requiresEventIdAndReceivedAt() {
        Map<String, String> fields = recordFields();
        fields.remove("event_id");
        fields.remove("received_at");

        assertThat(decode(fields).violations()).extracting(Violation::field)
                .containsExactly("event_id", "received_at");
    }

    @Test
    void rejectsAMalformedReceivedAt() {
        Map<String, String> fields = recordFields();
        fields.put("received_at", quoted("2024-01-15T10:31:00"));

        assertThat(decode(fields).violations()).extracting(Violation::field).containsExactly("received_at");
    }

    @Test
    void appliesNoSkewCorrection() {
        Map<String, String> fields = recordFields();
        fields.put("sent_at", quoted("2024-01-15T09:00:00Z"));

        UserActivityEvent event = decode(fields).event();

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2024-01-15T10:30:45.120Z"));
        assertThat(event.clockSkewMs()).isNull();
    }

    @Test
    void keepsTheServerSkewCorrection() {
        Map<String, String> fields = recordFields();
        fields.put("client_timestamp", quoted("2024-01-15T09:30:45.120Z"));
        fields.put("clock_skew_ms", "3600000");

        UserActivityEvent event = decode(fields).event();

        assertThat(event.clientTimestamp()).isEqualTo(Instant.parse("2024-01-15T09:30:45.120Z"));
        assertThat(event.clockSkewMs()).isEqualTo(3_600_000L);
    }

    @Test
    void rejectsAHalfRecordedSkewCorrection() {
        Map<String, String> fields = recordFields();
        fields.put("clock_skew_ms", "1.5");
        fields.put("client_timestamp", "5");

        assertThat(decode(fields).violations()).extracting(Violation::field)
                .containsExactly("client_timestamp", "clock_skew_ms");
        fields.remove("client_timestamp");
        fields.put("clock_skew_ms", "100");
        assertThat(decode(fields).violations()).extracting(Violation::field).containsExactly("clock_skew_ms");
    }

    @Test
    void checksTheFutureBoundAgainstTheRecordsOwnReceivedAt() {
        Map<String, String> fields = recordFields();
        fields.put("timestamp", quoted("2024-01-15T10:36:00.001Z"));

        assertThat(decode(fields).violations()).extracting(Violation::field).containsExactly("timestamp");
        fields.put("received_at", quoted("2024-01-15T10:31:00.001Z"));
        assertThat(decode(fields).violations()).isEmpty();
    }

    @Test
    void appliesTheClientRulesToo() {
        Map<String, String> fields = recordFields();
        fields.put("user_id", "0");
        fields.put("location", "{\"country\":\"ZZ\"}");

        assertThat(decode(fields).violations()).extracting(Violation::field)
                .containsExactly("user_id", "location.country");
    }
}
