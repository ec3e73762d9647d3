package io.trackstream.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.trackstream.model.Samples.decodeWith;
import static io.trackstream.model.Samples.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** One accepted and at least one rejected value per top-level row of contract v1. */
class TopLevelFieldRulesTests {

    static Stream<Arguments> acceptedValues() {
        return Stream.of(
                arguments("event_id", quoted("evt-1")),
                arguments("event_id", quoted("e".repeat(100))),
                arguments("event_type", quoted("purchase_intent")),
                arguments("event_type", quoted("ページビュー")),
                arguments("event_type", quoted("t".repeat(50))),
                arguments("session_id", quoted("s-1")),
                arguments("session_id", "null"),
                arguments("page_url", quoted("https://shop.example/p/1?q=a b")),
                arguments("page_url", quoted("")),
                arguments("referrer", quoted("https://search.example/?q=shoes")),
                arguments("referrer", quoted("")),
                arguments("user_agent", quoted("Mozilla/5.0 (X11; Linux x86_64)")),
                arguments("ip_address", quoted("203.0.113.7")),
                arguments("ip_address", quoted("2001:db8::1")),
                arguments("ip_address", quoted("::ffff:192.0.2.1")),
                arguments("metadata", "{\"ab_test\":\"b\",\"n\":[1,2,{\"x\":null}]}"),
                arguments("metadata", "{}"),
                arguments("metadata", "null"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("acceptedValues")
    void acceptsValidValues(String field, String rawJson) {
        assertThat(decodeWith(field, rawJson).violations()).isEmpty();
    }

    static Stream<Arguments> rejectedValues() {
        return Stream.of(
                arguments("event_id", quoted("")),
                arguments("event_id", quoted("e".repeat(101))),
                arguments("event_id", quoted("evt\\n1")),
                arguments("event_id", "42"),
                arguments("event_type", quoted("")),
                arguments("event_type", quoted("   ")),
                arguments("event_type", quoted("t".repeat(51))),
                arguments("event_type", quoted("page\\u0007view")),
                arguments("event_type", "7"),
                arguments("session_id", quoted("s".repeat(129))),
                arguments("session_id", quoted("")),
                arguments("session_id", "{}"),
                arguments("page_url", quoted("u".repeat(2049))),
                arguments("page_url", quoted("https://x/\\r\\nSet-Cookie: a")),
                arguments("page_url", "[]"),
                arguments("referrer", quoted("r".repeat(2049))),
                arguments("referrer", "false"),
                arguments("user_agent", quoted("a".repeat(1025))),
                arguments("user_agent", "1"),
                arguments("ip_address", quoted("localhost")),
                arguments("ip_address", quoted("256.1.1.1")),
                arguments("ip_address", quoted("1.2.3")),
                arguments("ip_address", quoted("01.2.3.4")),
                arguments("ip_address", quoted("2001:db8::1::2")),
                arguments("ip_address", quoted("fe80::1%eth0")),
                arguments("ip_address", quoted("1".repeat(46))),
                arguments("ip_address", "3232235777"),
                arguments("metadata", "[1,2]"),
                arguments("metadata", quoted("{}")),
                arguments("metadata", "5"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("rejectedValues")
    void rejectsInvalidValuesNamingTheField(String field, String rawJson) {
        assertThat(decodeWith(field, rawJson).violations()).extracting(Violation::field).containsExactly(field);
    }

    @Test
    void requiresEventType() {
        assertThat(decodeWith("event_type", null).violations())
                .extracting(Violation::field).containsExactly("event_type");
    }

    @Test
    void assignsARandomUuidWhenEventIdIsAbsent() {
        String first = decodeWith("event_id", null).event().eventId();
        String second = decodeWith("event_id", "null").event().eventId();

        assertThat(UUID.fromString(first).version()).isEqualTo(4);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void keepsTheClientsEventId() {
        assertThat(decodeWith("event_id", quoted("evt-1")).event().eventId()).isEqualTo("evt-1");
    }

    @Test
    void acceptsCustomEventTypesWithoutAKnownType() {
        UserActivityEvent event = decodeWith("event_type", quoted("wishlist_add")).event();

        assertThat(event.eventType()).isEqualTo("wishlist_add");
        assertThat(event.knownType()).isEmpty();
        assertThat(decodeWith("event_type", quoted("add_to_cart")).event().knownType())
                .contains(KnownEventType.ADD_TO_CART);
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertThat(decodeWith("event_type", quoted("🙂".repeat(50))).violations()).isEmpty();
    }

    @Test
    void acceptsAndReportsUnknownTopLevelFields() {
        Map<String, String> fields = Samples.validFields();
        fields.put("app_version", quoted("3.2"));
        fields.put("debug", "true");

        EventCodec.Decoded decoded = Samples.CODEC.decodeClient(Samples.json(fields), Samples.RECEIVED_AT);

        assertThat(decoded.isValid()).isTrue();
        assertThat(decoded.ignoredFields()).containsExactly("app_version", "debug");
    }

    @Test
    void returnsEveryViolationAtOnce() {
        Map<String, String> fields = Samples.validFields();
        fields.put("user_id", "0");
        fields.put("event_type", quoted(""));
        fields.put("timestamp", quoted("2024-01-15"));
        fields.put("ip_address", quoted("nope"));
        fields.put("properties", "{\"price\":-1,\"currency\":\"eur\"}");
        fields.put("device", "{\"type\":\"Phone\"}");
        fields.put("location", "{\"country\":\"XX\",\"timezone\":\"Mars/Base\"}");
        fields.put("metadata", "[]");

        EventCodec.Decoded decoded = Samples.CODEC.decodeClient(Samples.json(fields), Samples.RECEIVED_AT);

        assertThat(decoded.event()).isNull();
        assertThat(decoded.violations()).extracting(Violation::field).containsExactly("user_id", "event_type",
                "timestamp", "ip_address", "properties.price", "properties.currency", "device.type",
                "location.country", "location.timezone", "metadata");
    }
}
