package io.trackstream.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static io.trackstream.model.Samples.CODEC;
import static io.trackstream.model.Samples.RECEIVED_AT;
import static io.trackstream.model.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** Pins the JSON every service writes and reads: change it only together with the contract version. */
class WireFormatTests {

    private static final String CLIENT_JSON = """
            {"event_id": "evt-1", "user_id": 12345, "event_type": "add_to_cart",
             "timestamp": "2024-01-15T10:30:45.12+01:00", "sent_at": "2024-01-15T09:31:00Z",
             "session_id": "s-9", "page_url": "https://shop.example/p/1", "referrer": "https://search.example/",
             "user_agent": "Mozilla/5.0", "ip_address": "2001:db8::7",
             "properties": {"product_id": "sku-1", "color": "red", "price": 19.90, "quantity": 2,
                            "currency": "EUR", "big": 123456789012345678901234567890},
             "device": {"type": "mobile", "os": "iOS", "browser": "Safari"},
             "location": {"country": "DE", "city": "München", "timezone": "Europe/Berlin"},
             "metadata": {"z": 1.10, "a": 18446744073709551617, "text": "héllo 🙂 \\"q\\"",
                          "nested": {"list": [1, 2.50, 1E+3, null, true]}, "empty": {}}}
            """;

    private static final String WIRE_JSON = "{\"event_id\":\"evt-1\",\"user_id\":\"12345\","
            + "\"event_type\":\"add_to_cart\",\"timestamp\":\"2024-01-15T10:30:45.120Z\","
            + "\"sent_at\":\"2024-01-15T09:31:00.000Z\",\"received_at\":\"2024-01-15T10:31:00.000Z\","
            + "\"session_id\":\"s-9\",\"page_url\":\"https://shop.example/p/1\","
            + "\"referrer\":\"https://search.example/\",\"user_agent\":\"Mozilla/5.0\",\"ip_address\":\"2001:db8::7\","
            + "\"properties\":{\"product_id\":\"sku-1\",\"price\":19.90,\"currency\":\"EUR\",\"quantity\":2,"
            + "\"color\":\"red\",\"big\":123456789012345678901234567890},"
            + "\"device\":{\"type\":\"mobile\",\"os\":\"iOS\",\"browser\":\"Safari\"},"
            + "\"location\":{\"country\":\"DE\",\"city\":\"München\",\"timezone\":\"Europe/Berlin\"},"
            + "\"metadata\":{\"z\":1.10,\"a\":18446744073709551617,\"text\":\"héllo 🙂 \\\"q\\\"\","
            + "\"nested\":{\"list\":[1,2.50,1E+3,null,true]},\"empty\":{}},"
            + "\"client_timestamp\":\"2024-01-15T09:30:45.120Z\",\"clock_skew_ms\":3600000}";

    @Test
    void writesTheFullEventInTheContractShape() {
        EventCodec.Decoded decoded = CODEC.decodeClient(utf8(CLIENT_JSON), RECEIVED_AT);

        assertThat(decoded.violations()).isEmpty();
        assertThat(CODEC.encodeToString(decoded.event())).isEqualTo(WIRE_JSON);
        assertThat(CODEC.encode(decoded.event())).isEqualTo(utf8(WIRE_JSON));
    }

    @Test
    void readsTheWireFormatBackToAnEqualEvent() {
        UserActivityEvent event = CODEC.decodeClient(utf8(CLIENT_JSON), RECEIVED_AT).event();

        EventCodec.Decoded decoded = CODEC.decodeRecord(CODEC.encode(event));

        assertThat(decoded.violations()).isEmpty();
        assertThat(decoded.ignoredFields()).isEmpty();
        assertThat(decoded.event()).isEqualTo(event);
        assertThat(decoded.event().metadata()).isEqualTo("{\"z\":1.10,\"a\":18446744073709551617,"
                + "\"text\":\"héllo 🙂 \\\"q\\\"\",\"nested\":{\"list\":[1,2.50,1E+3,null,true]},\"empty\":{}}");
    }

    @Test
    void omitsNullFieldsAndWritesWholeSecondsWithThreeFractionDigits() {
        UserActivityEvent event = new UserActivityEvent("e-1", "u-1", "login", Instant.parse("2024-01-15T10:30:45Z"),
                null, Instant.parse("2024-01-15T10:30:46.1Z"), null, null, null, null, null,
                new EventProperties(null, null, new BigDecimal("0.10"), null, null, null, null, null, null),
                null, null, null, null, null);

        assertThat(CODEC.encodeToString(event)).isEqualTo("{\"event_id\":\"e-1\",\"user_id\":\"u-1\","
                + "\"event_type\":\"login\",\"timestamp\":\"2024-01-15T10:30:45.000Z\","
                + "\"received_at\":\"2024-01-15T10:30:46.100Z\",\"properties\":{\"price\":0.10}}");
        assertThat(CODEC.decodeRecord(CODEC.encode(event)).event()).isEqualTo(event);
    }

    @Test
    void truncatesInstantsToMillisecondsOnConstruction() {
        UserActivityEvent event = new UserActivityEvent("e-1", "u-1", "login",
                Instant.parse("2024-01-15T10:30:45.123999999Z"), null, RECEIVED_AT, null, null, null, null, null,
                null, null, null, null, null, null);

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2024-01-15T10:30:45.123Z"));
    }

    @Test
    void sharesItsSettingsThroughTheMapper() {
        assertThat(CODEC.mapper().writeValueAsString(new Location("DE", null, "UTC")))
                .isEqualTo("{\"country\":\"DE\",\"timezone\":\"UTC\"}");
        assertThat(CODEC.mapper().writeValueAsString(Instant.parse("2024-01-15T10:30:45Z")))
                .isEqualTo("\"2024-01-15T10:30:45.000Z\"");
        assertThat(CODEC.mapper().readTree("{\"n\":1.10}").toString()).isEqualTo("{\"n\":1.10}");
    }
}
