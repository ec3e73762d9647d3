package io.trackstream.model;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.trackstream.model.Samples.CODEC;
import static io.trackstream.model.Samples.RECEIVED_AT;
import static org.assertj.core.api.Assertions.assertThat;

class EventSizeTests {

    private static final int LIMIT = 32 * 1024;

    /** A valid event whose metadata carries {@code padding} ASCII characters. */
    private static EventCodec.Decoded decodePadded(int padding) {
        Map<String, String> fields = Samples.validFields();
        fields.put("event_id", "\"evt-1\"");
        fields.put("metadata", "{\"p\":\"" + "x".repeat(padding) + "\"}");
        return CODEC.decodeClient(Samples.json(fields), RECEIVED_AT);
    }

    @Test
    void acceptsAnEncodedEventOfExactly32Kilobytes() {
        int overhead = CODEC.encode(decodePadded(0).event()).length;

        EventCodec.Decoded decoded = decodePadded(LIMIT - overhead);

        assertThat(decoded.violations()).isEmpty();
        assertThat(CODEC.encode(decoded.event())).hasSize(LIMIT);
    }

    @Test
    void rejectsAnEncodedEventOneByteOver32Kilobytes() {
        int overhead = CODEC.encode(decodePadded(0).event()).length;

        assertThat(decodePadded(LIMIT - overhead + 1).violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("body");
            assertThat(v.error()).contains(Integer.toString(LIMIT));
        });
    }

    @Test
    void reportsTheSizeAlongWithOtherViolations() {
        Map<String, String> fields = Samples.validFields();
        fields.put("user_id", "-1");
        fields.put("metadata", "{\"p\":\"" + "x".repeat(LIMIT) + "\"}");

        assertThat(CODEC.decodeClient(Samples.json(fields), RECEIVED_AT).violations())
                .extracting(Violation::field).containsExactly("user_id", "body");
    }

    @Test
    void measuresTheEventNotTheIgnoredFieldsOfTheBody() {
        Map<String, String> fields = Samples.validFields();
        fields.put("debug_dump", "\"" + "x".repeat(LIMIT) + "\"");

        EventCodec.Decoded decoded = CODEC.decodeClient(Samples.json(fields), RECEIVED_AT);

        assertThat(decoded.isValid()).isTrue();
        assertThat(decoded.ignoredFields()).containsExactly("debug_dump");
    }

    @Test
    void appliesTheSizeLimitOfTheConfiguredPolicy() {
        EventCodec small = EventCodec.create(new IntakePolicy(java.time.Duration.ofMinutes(5),
                java.time.Duration.ofSeconds(5), java.time.Duration.ofHours(24), 100));

        assertThat(small.decodeClient(Samples.jsonWith("page_url", "\"" + "u".repeat(100) + "\""), RECEIVED_AT)
                .violations()).extracting(Violation::field).containsExactly("body");
    }

    @Test
    void acceptsAsARecordAnEventOfTheLimitOnceTheEdgeAddedTheLargestIpAndDevice() {
        int overhead = CODEC.encode(decodePadded(0).event()).length;
        String text64 = "\uD83D\uDE00".repeat(64);
        UserActivityEvent enriched = decodePadded(LIMIT - overhead).event()
                .withIpAddress("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255")
                .withDevice(new Device("wearable", text64, text64));

        assertThat(CODEC.encode(enriched).length).isGreaterThan(LIMIT);
        assertThat(CODEC.decodeRecord(CODEC.encode(enriched)).violations()).isEmpty();
    }

    @Test
    void checksTheSizeOfRecordsToo() {
        UserActivityEvent event = decodePadded(10).event();
        byte[] oversized = CODEC.encodeToString(event).replace("\"p\":\"xxxxxxxxxx\"",
                "\"p\":\"" + "x".repeat(LIMIT + EventCodec.EDGE_FIELDS_MAX_BYTES) + "\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(CODEC.decodeRecord(oversized).violations()).extracting(Violation::field).containsExactly("body");
    }

    // The codec skips re-encoding small inputs; this is the worst growth it relies on: numbers such
    // as 1e1 are written back a third longer (1E+1), and the server adds its fields.
    @Test
    void anInputAtTheShortcutThresholdWithWorstCaseGrowthStaysWithinTheLimit() {
        int threshold = (LIMIT - 1024) / 4 * 3;
        Map<String, String> fields = Samples.validFields();
        fields.remove("event_id");
        fields.put("sent_at", "\"2024-01-15T10:30:45.120Z\""); // skew-corrected: the server adds two fields
        fields.put("metadata", "{\"n\":[1e1]}");
        int envelope = Samples.json(fields).length;
        StringBuilder numbers = new StringBuilder("{\"n\":[1e1");
        while (envelope + numbers.length() - "{\"n\":[1e1".length() + ",1e1".length() <= threshold) {
            numbers.append(",1e1");
        }
        fields.put("metadata", numbers.append("]}").toString());
        byte[] body = Samples.json(fields);

        EventCodec.Decoded decoded = CODEC.decodeClient(body, RECEIVED_AT);

        assertThat(body.length).isLessThanOrEqualTo(threshold);
        assertThat(decoded.violations()).isEmpty();
        assertThat(CODEC.encode(decoded.event()).length).isGreaterThan(body.length).isLessThanOrEqualTo(LIMIT);
    }
}
