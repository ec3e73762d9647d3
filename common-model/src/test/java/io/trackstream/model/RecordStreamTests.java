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
 * The one-pass record reader against the tree path: for every input, valid or broken, decoding a
 * record gives what the tree path alone gives (event, violations and ignored fields), and the
 * records this codec writes are read in one pass rather than handed back.
 */
class RecordStreamTests {

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

    private static void assertSameAsTree(byte[] record) {
        assertThat(CODEC.decodeRecord(record))
                .as(() -> new String(record, StandardCharsets.UTF_8))
                .isEqualTo(CODEC.decodeRecordTree(record));
    }

    private static boolean readInOnePass(byte[] record) {
        return RecordStream.read(record, new FieldReader()) != null;
    }

    @Test
    void readsTheRecordsTheCodecWritesInOnePassAsTheTreeDoes() {
        List<byte[]> records = List.of(Samples.json(fullRecord()), Samples.json(minimalRecord()),
                CODEC.encode(CODEC.decodeRecord(Samples.json(fullRecord())).event()));

        for (byte[] record : records) {
            assertThat(readInOnePass(record)).as(new String(record, StandardCharsets.UTF_8)).isTrue();
            assertSameAsTree(record);
        }
        UserActivityEvent full = CODEC.decodeRecord(records.get(0)).event();
        assertThat(full.metadata()).isEqualTo("{\"a\":[1,2.50,0.0,1E+400,null,false],\"b\":{\"c\":\"\u0085\\n\"},\"e\":{}}");
        assertThat(full.properties().extra())
                .isEqualTo("{\"color\":\"red\",\"dims\":{\"w\":1.50,\"h\":[1,2E+3,null,true]},\"big\":123456789012345678901}");
        assertThat(full.properties().price()).isEqualTo(new BigDecimal("19.90"));
    }

    @Test
    void agreesWithTheTreeOnEveryOddValueOfEveryField() {
        Map<String, String> full = fullRecord();
        int readInOnePass = 0;
        int cases = 0;
        for (String path : paths(full)) {
            for (String value : ODD_VALUES) {
                byte[] record = Samples.json(with(full, path, value));
                assertSameAsTree(record);
                readInOnePass += readInOnePass(record) ? 1 : 0;
                cases++;
            }
            byte[] without = Samples.json(with(full, path, null));
            assertSameAsTree(without);
        }
        // Valid variants (a longer id, another country, an integer amount) are still read in one pass.
        assertThat(readInOnePass).isBetween(cases / 10, cases - 1);
    }

    @Test
    void listsIgnoredFieldsAsTheTreeDoes() {
        Map<String, String> fields = fullRecord();
        fields.put("device", "{\"model\":\"X\",\"type\":\"tv\",\"ram\":4}");
        fields.put("zz_new", "true");
        fields.put("location", "{\"region\":\"NRW\",\"city\":\"Köln\"}");
        fields.put("aa_new", "7");
        byte[] record = Samples.json(fields);

        assertThat(readInOnePass(record)).isTrue();
        assertSameAsTree(record);
        assertThat(CODEC.decodeRecord(record).ignoredFields())
                .containsExactly("zz_new", "aa_new", "device.model", "device.ram", "location.region");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "[]", "null", "{", "{}", "{}{}", "{} x"})
    void leavesMalformedInputToTheTree(String input) {
        byte[] record = input.getBytes(StandardCharsets.UTF_8);

        assertThat(readInOnePass(record)).isFalse();
        assertSameAsTree(record);
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
    void leavesAKeyTwiceToTheTreeWhereverItIs(String at, String withDuplicate) {
        String full = new String(Samples.json(fullRecord()), StandardCharsets.UTF_8);
        assertThat(full).contains(at);
        byte[] record = full.replace(at, withDuplicate).getBytes(StandardCharsets.UTF_8);

        assertThat(readInOnePass(record)).isFalse();
        assertSameAsTree(record);
        assertThat(CODEC.decodeRecord(record).violations()).singleElement()
                .satisfies(v -> assertThat(v.error()).contains("Duplicate"));
    }

    @Test
    void leavesANullRecordToTheTree() {
        assertSameAsTree(null);
    }

    @Test
    void agreesWithTheTreeOnRandomlyDamagedRecords() {
        byte[] original = Samples.json(fullRecord());
        String alphabet = "{}[]\",:0123456789.eE+-aznul \\";
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            byte[] damaged = original.clone();
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                damaged[random.nextInt(damaged.length)] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            assertSameAsTree(damaged);
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
