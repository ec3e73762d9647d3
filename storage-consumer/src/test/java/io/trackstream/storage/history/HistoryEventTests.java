package io.trackstream.storage.history;

import io.trackstream.model.Device;
import io.trackstream.model.EventCodec;
import io.trackstream.model.EventProperties;
import io.trackstream.model.Location;
import io.trackstream.model.UserActivityEvent;
import io.trackstream.storage.TextColumns;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryEventTests {

    private static final EventCodec CODEC = EventCodec.create();
    private static final Instant AT = Instant.parse("2026-03-09T23:59:59.999Z");

    @Test
    void writesTheJsonOfTheAcceptedEventByteForByte() {
        List<UserActivityEvent> events = List.of(
                new UserActivityEvent("e-1", "u-1", "purchase", AT, AT.minusMillis(40), AT.plusMillis(3), "s-1",
                        "https://shop.example/p/ü?q=東京", "https://ref.example/", "Mozilla/5.0", "2001:db8::1",
                        new EventProperties("42", "Café crème ☕", new BigDecimal("19.90"), "drinks", "tea \"green\"",
                                new BigDecimal("39.80"), "EUR", 2, "{\"color\":\"grün\",\"sizes\":[1,2.50,null],\"n\":{\"x\":true}}"),
                        new Device("mobile", "Android", "Chrome"), new Location("DE", "Köln", "Europe/Berlin"),
                        "{\"campaign\":\"été\",\"nested\":{\"a\":[1,2.5,\"日本\"]},\"flag\":true}", AT.plusSeconds(90), -90_000L),
                // Every optional field missing: they are left out, not written as null.
                new UserActivityEvent("e-2", "u-2", "custom_thing", AT, null, AT, null, null, null, null, null,
                        null, null, null, null, null, null),
                // Partial objects keep only what they have.
                new UserActivityEvent("e-3", "u-3", "page_view", AT, null, AT, null, "/", null, null, "203.0.113.7",
                        new EventProperties(null, null, null, null, "shoes", null, null, null, null),
                        new Device(null, "iOS", null), new Location(null, null, "Asia/Tokyo"), "{}", null, null));

        for (UserActivityEvent event : events) {
            HistoryEvent stored = new HistoryEvent(event.eventId(), event.userId(), event.eventType(), event.timestamp(),
                    event.sentAt(), event.receivedAt(), event.sessionId(), event.pageUrl(), event.referrer(),
                    event.userAgent(), event.ipAddress(),
                    event.properties() == null ? null : CODEC.encodeProperties(event.properties()),
                    event.device(), event.location(), event.metadata(), event.clientTimestamp(), event.clockSkewMs());

            assertThat(CODEC.mapper().writeValueAsString(stored)).isEqualTo(CODEC.encodeToString(event));
        }
    }

    @Test
    void acceptsOnlyOneWholeJsonObjectAsStoredProperties() {
        assertThat(isObject("{}")).isTrue();
        assertThat(isObject("{\"price\":19.90,\"extra\":{\"a\":[1,{\"b\":null}]}}")).isTrue();
        assertThat(isObject("{\"name\":\"Café crème ☕\",\"city\":\"東京\"}")).isTrue();
        assertThat(isObject("[1,2]")).isFalse();
        assertThat(isObject("\"text\"")).isFalse();
        assertThat(isObject("{\"price\":")).isFalse();
        assertThat(isObject("{\"a\":1} {\"b\":2}")).isFalse();
        assertThat(isObject("{\"a\":1}}")).isFalse();
        assertThat(isObject("")).isFalse();
    }

    @Test
    void checksOnlyTheValueOfABufferSlice() {
        // The driver hands out column values as slices of a larger frame: only the slice counts.
        byte[] frame = "[[{\"a\":1}]]".getBytes(StandardCharsets.UTF_8);
        assertThat(EventRows.isJsonObject(ByteBuffer.wrap(frame, 2, 7).slice())).isTrue();
        assertThat(EventRows.isJsonObject(ByteBuffer.wrap(frame, 2, 7))).isTrue();
        assertThat(EventRows.isJsonObject(ByteBuffer.wrap(frame, 1, 9))).isFalse();
        ByteBuffer direct = ByteBuffer.allocateDirect(7).put(frame, 2, 7).flip();
        assertThat(EventRows.isJsonObject(direct)).isTrue();
    }

    private static boolean isObject(String json) {
        return EventRows.isJsonObject(TextColumns.encode(json));
    }
}
