package io.trackstream.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.trackstream.model.Samples.CODEC;
import static io.trackstream.model.Samples.RECEIVED_AT;
import static io.trackstream.model.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class MalformedInputTests {

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "[]", "[{\"user_id\":\"u\"}]", "null", "42", "\"event\"", "true",
            "{\"user_id\":\"u\",", "{\"user_id\":\"u\"", "{", "hello", "{} {}", "{\"a\":1}]"})
    void turnsAnythingButOneJsonObjectIntoABodyViolation(String body) {
        EventCodec.Decoded client = CODEC.decodeClient(utf8(body), RECEIVED_AT);
        EventCodec.Decoded record = CODEC.decodeRecord(utf8(body));

        assertThat(client.violations()).extracting(Violation::field).containsExactly("body");
        assertThat(record.violations()).extracting(Violation::field).containsExactly("body");
        assertThat(client.event()).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"user_id\":\"a\",\"user_id\":\"b\"}                   | user_id",
            "{\"metadata\":{\"k\":1,\"k\":2}}                        | metadata.k",
            "{\"properties\":{\"x\":[{\"y\":1,\"y\":1}]}}            | properties.x[0].y",
            "{\"user_id\": abc}                                      | user_id",
    })
    void namesTheFieldWhenTheParserCan(String body, String field) {
        EventCodec.Decoded decoded = CODEC.decodeClient(utf8(body), RECEIVED_AT);

        assertThat(decoded.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.error()).startsWith("must be well-formed JSON");
        });
    }

    @Test
    void rejectsANullBody() {
        assertThat(CODEC.decodeClient((byte[]) null, RECEIVED_AT).violations())
                .extracting(Violation::field).containsExactly("body");
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThat(CODEC.decodeClient(body, RECEIVED_AT).isValid()).isFalse();
    }

    @Test
    void rejectsNonStandardNumbers() {
        assertThat(CODEC.decodeClient(utf8("{\"properties\":{\"price\":NaN}}"), RECEIVED_AT).violations())
                .extracting(Violation::field).containsExactly("properties.price");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"metadata\":{\"x\":1E12345678901}}", "{\"properties\":{\"price\":1e-99999999999}}",
            "{\"user_id\":\"u\",\"x\":[12E99999999999]}"})
    void rejectsANumberWhoseExponentIsOutOfRangeRatherThanThrowing(String body) {
        EventCodec.Decoded client = CODEC.decodeClient(utf8(body), RECEIVED_AT);
        EventCodec.Decoded record = CODEC.decodeRecord(utf8(body));

        for (EventCodec.Decoded decoded : java.util.List.of(client, record)) {
            assertThat(decoded.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("body");
                assertThat(v.error()).isEqualTo("must be well-formed JSON: a number's exponent is out of range");
            });
        }
    }

    @Test
    void rejectsBatchElementsThatAreNotObjects() {
        assertThat(CODEC.decodeClient(CODEC.mapper().readTree("[1]").get(0), RECEIVED_AT, null).violations())
                .extracting(Violation::field).containsExactly("body");
        assertThat(CODEC.decodeClient((tools.jackson.databind.JsonNode) null, RECEIVED_AT, null).isValid())
                .isFalse();
    }
}
