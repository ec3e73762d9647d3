package io.trackstream.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.trackstream.model.Samples.decodeWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class DeviceAndLocationRulesTests {

    static Stream<Arguments> acceptedValues() {
        return Stream.of(
                arguments("device", "{\"type\":\"desktop\",\"os\":\"Linux\",\"browser\":\"Firefox\"}"),
                arguments("device", "{\"type\":\"wearable\"}"),
                arguments("device", "{\"type\":\"bot\",\"os\":null}"),
                arguments("device", "{}"),
                arguments("location", "{\"country\":\"DE\",\"city\":\"München\",\"timezone\":\"Europe/Berlin\"}"),
                arguments("location", "{\"country\":\"JP\",\"timezone\":\"UTC\"}"),
                arguments("location", "{\"timezone\":\"+05:30\"}"),
                arguments("location", "null"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("acceptedValues")
    void acceptsValidValues(String field, String rawJson) {
        assertThat(decodeWith(field, rawJson).violations()).isEmpty();
    }

    static Stream<Arguments> rejectedValues() {
        return Stream.of(
                arguments("device", "{\"type\":\"Desktop\"}", "device.type"),
                arguments("device", "{\"type\":\"phone\"}", "device.type"),
                arguments("device", "{\"type\":1}", "device.type"),
                arguments("device", "{\"os\":\"" + "o".repeat(65) + "\"}", "device.os"),
                arguments("device", "{\"browser\":\"" + "b".repeat(65) + "\"}", "device.browser"),
                arguments("device", "\"mobile\"", "device"),
                arguments("location", "{\"country\":\"de\"}", "location.country"),
                arguments("location", "{\"country\":\"XX\"}", "location.country"),
                arguments("location", "{\"country\":\"DEU\"}", "location.country"),
                arguments("location", "{\"city\":\"" + "c".repeat(129) + "\"}", "location.city"),
                arguments("location", "{\"timezone\":\"Europe/Atlantis\"}", "location.timezone"),
                arguments("location", "{\"timezone\":\"\"}", "location.timezone"),
                arguments("location", "[\"DE\"]", "location"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("rejectedValues")
    void rejectsInvalidValuesNamingTheField(String field, String rawJson, String violationField) {
        assertThat(decodeWith(field, rawJson).violations()).extracting(Violation::field)
                .containsExactly(violationField);
    }

    @Test
    void readsDeviceAndLocation() {
        UserActivityEvent event = decodeWith("device", "{\"type\":\"mobile\",\"os\":\"iOS\",\"browser\":\"Safari\"}")
                .event();

        assertThat(event.device()).isEqualTo(new Device("mobile", "iOS", "Safari"));
        assertThat(decodeWith("location", "{\"country\":\"FR\",\"city\":\"Paris\"}").event().location())
                .isEqualTo(new Location("FR", "Paris", null));
    }

    @Test
    void reportsUnknownNestedKeysAsIgnored() {
        EventCodec.Decoded decoded = decodeWith("device", "{\"type\":\"tv\",\"vendor\":\"acme\"}");

        assertThat(decoded.isValid()).isTrue();
        assertThat(decoded.ignoredFields()).containsExactly("device.vendor");
    }

    @Test
    void readsAnEmptyDeviceOrLocationAsAbsentAsAStoreGivesItBack() {
        java.util.Map<String, String> fields = Samples.validFields();
        fields.put("device", "{\"model\":\"x\"}");
        fields.put("location", "{}");

        UserActivityEvent event = Samples.CODEC.decodeClient(Samples.json(fields), Samples.RECEIVED_AT).event();

        assertThat(event.device()).isNull();
        assertThat(event.location()).isNull();
        assertThat(Samples.CODEC.encodeToString(event)).doesNotContain("device", "location");
    }
}
