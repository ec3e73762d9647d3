package io.trackstream.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.trackstream.model.Samples.CODEC;
import static io.trackstream.model.Samples.RECEIVED_AT;
import static io.trackstream.model.Samples.quoted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lone UTF-16 surrogate is a valid JSON escape but not a character: wherever it stands in a body,
 * the client gets a violation naming the place, and a record carrying one is refused the same way.
 */
class UnicodeTextTests {

    private static final String LONE = "\\ud800";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\uD800", "a\uDC00", "\uDBFF\uDBFF", "\uDE00\uD83D", "x\uD83D"})
    void findsEveryLoneSurrogate(String text) {
        assertThat(UnicodeText.isWellFormed(text)).isFalse();
        assertThat(FieldReader.isCleanText(text, 10)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "plain", "\uD83D\uDE00", "a\uD83D\uDE00b\uDBFF\uDFFF"})
    void acceptsPairedSurrogates(String text) {
        assertThat(UnicodeText.isWellFormed(text)).isTrue();
        assertThat(UnicodeText.printable(text)).isSameAs(text);
    }

    @Test
    void spellsLoneSurrogatesAsEscapesForMessages() {
        assertThat(UnicodeText.printable("a\uD800b\uD83D\uDE00\uDFFF")).isEqualTo("a\\uD800b\uD83D\uDE00\\uDFFF");
        assertThat(new Violation("metadata.\uD800", "x \uDC00").field()).isEqualTo("metadata.\\uD800");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "user_id          | \"LONE\"                                          | user_id",
            "event_id         | \"id-LONE\"                                       | event_id",
            "event_type       | \"LONE\"                                          | event_type",
            "session_id       | \"LONE\"                                          | session_id",
            "page_url         | \"https://x.example/LONE\"                        | page_url",
            "ip_address       | \"LONE\"                                          | ip_address",
            "properties       | {\"product_name\":\"LONE\"}                       | properties.product_name",
            "properties       | {\"product_id\":\"LONE\"}                         | properties.product_id",
            "properties       | {\"currency\":\"LONE\"}                           | properties.currency",
            "properties       | {\"color\":\"LONE\"}                              | properties.color",
            "properties       | {\"a\":1,\"LONE\":1}                              | properties",
            "properties       | {\"dims\":{\"a\":[1,\"LONE\"]}}                   | properties.dims.a[1]",
            "metadata         | {\"a\":\"LONE\"}                                  | metadata.a",
            "metadata         | {\"LONE\":true}                                   | metadata",
            "metadata         | {\"a\":{\"b\":[{\"c\":[\"LONE\"]}]}}              | metadata.a.b[0].c[0]",
            "metadata         | {\"a\":{\"b\":1,\"LONE\":{}}}                     | metadata.a",
            "device           | {\"os\":\"LONE\"}                                 | device.os",
            "device           | {\"model\":\"LONE\"}                              | device.model",
            "location         | {\"city\":\"LONE\"}                               | location.city",
            "location         | {\"timezone\":\"LONE\"}                           | location.timezone",
            "location         | {\"city\":\"x\",\"LONE\":1}                       | location",
            "unknown_field    | \"LONE\"                                          | unknown_field",
            "unknown_field    | {\"a\":[\"LONE\"]}                                | unknown_field.a[0]",
    })
    void rejectsALoneSurrogateNamingWhereItStands(String field, String rawJson, String expectedField) {
        String json = rawJson.replace("LONE", LONE);
        EventCodec.Decoded client = CODEC.decodeClient(Samples.jsonWith(field, json), RECEIVED_AT);

        // A key is refused by the parser already (broken JSON), and named by the object holding it.
        assertThat(client.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo(expectedField);
            assertThat(v.error()).containsAnyOf("valid Unicode text", "surrogate pair in property name");
        });
        byte[] record = Samples.json(withRecordFields(field, json));
        assertThat(CODEC.decodeRecord(record).violations()).extracting(Violation::field).containsExactly(expectedField);
    }

    @Test
    void rejectsATopLevelKeyThatIsNotTextAsBrokenJsonOfTheBody() {
        EventCodec.Decoded decoded = CODEC.decodeClient(Samples.jsonWith(LONE, "1"), RECEIVED_AT);

        assertThat(decoded.violations()).extracting(Violation::field).containsExactly("body");
    }

    @Test
    void namesAKeyThatIsNotTextInATreeBuiltInCode() {
        var event = (tools.jackson.databind.node.ObjectNode) CODEC.mapper().readTree(Samples.json(Samples.validFields()));
        event.putObject("metadata").put("\uD800", 1);
        event.put("\uDC00", 1);

        EventCodec.Decoded decoded = CODEC.decodeClient(event, RECEIVED_AT, null);

        assertThat(decoded.violations()).extracting(Violation::field).containsExactly("\\uDC00", "metadata.\\uD800");
        assertThat(decoded.ignoredFields()).containsExactly("\\uDC00");
    }

    @Test
    void refusesTheRawBytesOfASurrogateAsTheEscape() {
        // ED A0 80: the three bytes some writers produce for U+D800 (CESU-8), not UTF-8
        byte[] json = Samples.json(Map.of("user_id", "\"u\"", "event_type", "\"x\"",
                "timestamp", quoted("2024-01-15T10:30:45Z"), "metadata", "{\"a\":\"@@@\"}"));
        String text = new String(json, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("@@@", "\u00ED\u00A0\u0080");

        EventCodec.Decoded decoded = CODEC.decodeClient(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                RECEIVED_AT);

        assertThat(decoded.isValid()).isFalse();
    }

    private static Map<String, String> withRecordFields(String field, String rawJson) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event_id", quoted("evt-1"));
        fields.putAll(Samples.validFields());
        fields.put("received_at", quoted("2024-01-15T10:31:00.000Z"));
        fields.put(field, rawJson);
        return fields;
    }
}
