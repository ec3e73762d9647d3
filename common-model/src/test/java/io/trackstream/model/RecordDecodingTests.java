package io.trackstream.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.trackstream.model.Samples.CODEC;
import static io.trackstream.model.Samples.quoted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records as consumers read them, valid or broken: what the codec writes reads back equal, every
 * odd value of every field is judged (an event or violations, never an exception), ignored fields
 * are listed in a fixed order, and malformed input or a key twice anywhere is named, not thrown.
 */
class RecordDecodingTests {

    private static final List<String> ODD_VALUES = List.of("null", "\"\"", "\" \"", "\"x\"", "\"a\\u0001b\"",
            "\"\\u00e9\\ud83d\\ude00\"", "\"\\ud800\"", "\"a\\udc00b\"", "{\"k\":\"\\udbff\"}", "[\"\\ud83d\"]", "0", "1", "-1", "-0", "1.5", "1.0", "0.000", "1.10", "1e2", "-1E-2", "1e400",
            "2147483647", "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "true", "false", "{}", "[]", "[1]", "{\"a\":1}", "\"2024-01-15T10:30:45Z\"",
            "\"2024-01-15T10:30:45.123456+05:30\"", "\"2024-01-15\"", "\"10000-01-01T00:00:00Z\"", "\"::1\"",
            "\"1.2.3.4\"", "\"1.2.3.999\"", "\"DE\"", "\"XX\"", "\"Europe/Berlin\"", "\"+05:30\"", "\"Nowhere/City\"",
            "\"EUR\"", "\"eur\"", "\"mobile\"", "\"phone\"", "\"purchase\"", repeated('a', 50), repeated('a', 51), repeated('a', 64),
            repeated('a', 65), repeated('a', 100), repeated('a', 101), repeated('a', 128), repeated('a', 129), repeated('a', 2049));

    private static String repeated(char c, int length) {
        return quoted(String.valueOf(c).repeat(length));
    }

    private static Map<String, String> fullRecord() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event_id", quoted("evt-1"));
        fields.put("user_id", quoted("u-42"));
        fields.put("event_type", quoted("purchase"));
        fields.put("timestamp", quoted("2024-01-15T10:30:45.120Z"));
        fields.put("sent_at", quoted("2024-01-15T10:30:46.000Z"));
        fields.put("received_at", quoted("2024-01-15T10:31:00.000Z"));
        fields.put("session_id", quoted("s-1"));
        fields.put("page_url", quoted("https://shop.example/ü/東京?q=1"));
        fields.put("referrer", quoted("https://search.example/"));
        fields.put("user_agent", quoted("Mozilla/5.0"));
        fields.put("ip_address", quoted("2001:db8::1"));
        fields.put("properties", "{\"product_id\":\"p-1\",\"product_name\":\"Tee \\\"Ü\\\"\",\"price\":19.90,"
                + "\"category\":\"apparel\",\"search_query\":\"tee\",\"cart_value\":39.80,\"currency\":\"EUR\","
                + "\"quantity\":2,\"color\":\"red\",\"dims\":{\"w\":1.50,\"h\":[1,2e3,null,true]},\"big\":123456789012345678901}");
        fields.put("device", "{\"type\":\"mobile\",\"os\":\"iOS\",\"browser\":\"Safari\"}");
        fields.put("location", "{\"country\":\"DE\",\"city\":\"Köln\",\"timezone\":\"Europe/Berlin\"}");
        fields.put("metadata", "{\"a\":[1,2.50,-0.0,1E+400,null,false],\"b\":{\"c\":\"\\u0085\\n\"},\"e\":{}}");
        fields.put("client_timestamp", quoted("2024-01-15T10:20:45.120Z"));
        fields.put("clock_skew_ms", "600000");
        return fields;
    }

    private static Map<String, String> minimalRecord() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event_id", quoted("evt-2"));
        fields.put("user_id", "42");
        fields.put("event_type", quoted("click"));
        fields.put("timestamp", quoted("2024-01-15T10:30:45Z"));
        fields.put("received_at", quoted("2024-01-15T10:31:00Z"));
        return fields;
    }

    /** Decoding never throws, and answers either an event or the broken rules. */
    private static EventCodec.Decoded decodes(byte[] record) {
        EventCodec.Decoded decoded = CODEC.decodeRecord(record);
        assertThat(decoded).as(() -> record == null ? "null" : new String(record, StandardCharsets.UTF_8)).isNotNull();
        return decoded;
    }

    @Test
    void readsBackWhatTheCodecWrites() {
        UserActivityEvent full = decodes(Samples.json(fullRecord())).event();
        UserActivityEvent minimal = decodes(Samples.json(minimalRecord())).event();

        assertThat(decodes(CODEC.encode(full)).event()).isEqualTo(full);
        assertThat(decodes(CODEC.encode(minimal)).event()).isEqualTo(minimal);
        assertThat(full.metadata()).isEqualTo("{\"a\":[1,2.50,0.0,1E+400,null,false],\"b\":{\"c\":\"\u0085\\n\"},\"e\":{}}");
        assertThat(full.properties().extra())
                .isEqualTo("{\"color\":\"red\",\"dims\":{\"w\":1.50,\"h\":[1,2E+3,null,true]},\"big\":123456789012345678901}");
        assertThat(full.properties().price()).isEqualTo(new BigDecimal("19.90"));
    }

    @Test
    void judgesEveryOddValueOfEveryField() {
        Map<String, String> full = fullRecord();
        int valid = 0;
        int cases = 0;
        for (String path : paths(full)) {
            for (String value : ODD_VALUES) {
                valid += decodes(Samples.json(with(full, path, value))).isValid() ? 1 : 0;
                cases++;
            }
            decodes(Samples.json(with(full, path, null)));
        }
        // Valid variants (a longer id, another country, an integer amount) are accepted, broken ones refused.
        assertThat(valid).isBetween(cases / 10, cases - 1);
    }

    @Test
    void listsIgnoredFieldsTopLevelFirstThenDeviceThenLocation() {
        Map<String, String> fields = fullRecord();
        fields.put("device", "{\"model\":\"X\",\"type\":\"tv\",\"ram\":4}");
        fields.put("zz_new", "true");
        fields.put("location", "{\"region\":\"NRW\",\"city\":\"Köln\"}");
        fields.put("aa_new", "7");

        EventCodec.Decoded decoded = decodes(Samples.json(fields));

        assertThat(decoded.isValid()).isTrue();
        assertThat(decoded.ignoredFields())
                .containsExactly("zz_new", "aa_new", "device.model", "device.ram", "location.region");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "[]", "null", "{", "{}", "{}{}", "{} x"})
    void refusesMalformedInputWithViolations(String input) {
        assertThat(decodes(input.getBytes(StandardCharsets.UTF_8)).violations()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "{\"event_id\"       | {\"user_id\":\"u-1\",\"event_id\"",
            "{\"event_id\"       | {\"zz\":1,\"zz\":1,\"event_id\"",
            "{\"type\":\"mobile\" | {\"os\":\"x\",\"type\":\"mobile\"",
            "{\"type\":\"mobile\" | {\"model\":1,\"model\":1,\"type\":\"mobile\"",
            "{\"country\"        | {\"city\":\"x\",\"country\"",
            "{\"product_id\"     | {\"price\":1,\"product_id\"",
            "{\"product_id\"     | {\"color\":\"x\",\"product_id\"",
            "{\"a\":[           | {\"b\":1,\"a\":[",
            "{\"c\":            | {\"c\":\"y\",\"c\":",
            "{\"event_id\"       | {\"zz\":{\"a\":[{\"b\":1,\"b\":1}]},\"event_id\"",
            "{\"type\":\"mobile\" | {\"model\":{\"a\":1,\"a\":1},\"type\":\"mobile\"",
    })
    void refusesAKeyTwiceWhereverItIs(String at, String withDuplicate) {
        String full = new String(Samples.json(fullRecord()), StandardCharsets.UTF_8);
        assertThat(full).contains(at);
        byte[] record = full.replace(at, withDuplicate).getBytes(StandardCharsets.UTF_8);

        assertThat(decodes(record).violations()).singleElement()
                .satisfies(v -> assertThat(v.error()).contains("Duplicate"));
    }

    @Test
    void refusesANullRecord() {
        assertThat(decodes(null).violations()).isNotEmpty();
    }

    @Test
    void judgesRandomlyDamagedRecordsWithoutThrowing() {
        byte[] original = Samples.json(fullRecord());
        String alphabet = "{}[]\",:0123456789.eE+-aznul \\";
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            byte[] damaged = original.clone();
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                damaged[random.nextInt(damaged.length)] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            decodes(damaged);
        }
    }

    /** Every field path of the record, top-level and one level down, as {@code properties.price}. */
    private static List<String> paths(Map<String, String> record) {
        List<String> paths = new ArrayList<>(record.keySet());
        for (String object : List.of("properties", "device", "location")) {
            String json = record.get(object);
            CODEC.mapper().readTree(json).propertyNames().forEach(name -> paths.add(object + "." + name));
            paths.add(object + ".unknown_key");
        }
        return paths;
    }

    /** The record with the value at {@code path} replaced by raw JSON, or removed when it is null. */
    private static Map<String, String> with(Map<String, String> record, String path, String rawJson) {
        Map<String, String> copy = new LinkedHashMap<>(record);
        int dot = path.indexOf('.');
        if (dot < 0) {
            if (rawJson == null) {
                copy.remove(path);
            } else {
                copy.put(path, rawJson);
            }
            return copy;
        }
        String object = path.substring(0, dot);
        String key = path.substring(dot + 1);
        var node = (tools.jackson.databind.node.ObjectNode) CODEC.mapper().readTree(record.get(object));
        StringBuilder json = new StringBuilder("{");
        node.properties().forEach(e -> {
            if (!e.getKey().equals(key)) {
                json.append(json.length() > 1 ? "," : "").append(quoted(e.getKey())).append(':')
                        .append(CODEC.mapper().writeValueAsString(e.getValue()));
            }
        });
        if (rawJson != null) {
            json.append(json.length() > 1 ? "," : "").append(quoted(key)).append(':').append(rawJson);
        }
        copy.put(object, json.append('}').toString());
        return copy;
    }
}
