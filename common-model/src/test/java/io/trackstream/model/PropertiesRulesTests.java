package io.trackstream.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;

import static io.trackstream.model.Samples.decodeWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PropertiesRulesTests {

    static Stream<Arguments> acceptedProperties() {
        return Stream.of(
                "{\"product_id\":\"sku-1\"}",
                "{\"product_id\":12345}",
                "{\"product_name\":\"Laufschuh „Blitz“\"}",
                "{\"price\":0}",
                "{\"price\":19.90}",
                "{\"category\":\"shoes\"}",
                "{\"search_query\":\"red shoes\"}",
                "{\"cart_value\":120.5}",
                "{\"currency\":\"EUR\"}",
                "{\"quantity\":1}",
                "{\"product_id\":null,\"price\":null}",
                "{\"color\":\"red\",\"sizes\":[41,42.5],\"nested\":{\"big\":123456789012345678901234567890}}",
                "{}",
                "null").map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedProperties")
    void acceptsValidProperties(String rawJson) {
        assertThat(decodeWith("properties", rawJson).violations()).isEmpty();
    }

    static Stream<Arguments> rejectedProperties() {
        return Stream.of(
                arguments("{\"product_id\":\"\"}", "properties.product_id"),
                arguments("{\"product_id\":\"" + "p".repeat(129) + "\"}", "properties.product_id"),
                arguments("{\"product_id\":1.5}", "properties.product_id"),
                arguments("{\"product_id\":-1}", "properties.product_id"),
                arguments("{\"product_name\":\"" + "n".repeat(257) + "\"}", "properties.product_name"),
                arguments("{\"product_name\":7}", "properties.product_name"),
                arguments("{\"price\":-0.01}", "properties.price"),
                arguments("{\"price\":\"19.90\"}", "properties.price"),
                arguments("{\"price\":1e400}", "properties.price"),
                arguments("{\"category\":\"" + "c".repeat(129) + "\"}", "properties.category"),
                arguments("{\"search_query\":\"" + "q".repeat(513) + "\"}", "properties.search_query"),
                arguments("{\"cart_value\":-5}", "properties.cart_value"),
                arguments("{\"cart_value\":true}", "properties.cart_value"),
                arguments("{\"currency\":\"eur\"}", "properties.currency"),
                arguments("{\"currency\":\"EURO\"}", "properties.currency"),
                arguments("{\"currency\":\"ABC\"}", "properties.currency"),
                arguments("{\"quantity\":0}", "properties.quantity"),
                arguments("{\"quantity\":1.5}", "properties.quantity"),
                arguments("{\"quantity\":2147483648}", "properties.quantity"),
                arguments("{\"ratio\":-1e999}", "properties.ratio"),
                arguments("{\"deep\":{\"list\":[1,2e400]}}", "properties.deep.list[1]"),
                arguments("[]", "properties"),
                arguments("\"{}\"", "properties"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("rejectedProperties")
    void rejectsInvalidPropertiesNamingTheField(String rawJson, String field) {
        assertThat(decodeWith("properties", rawJson).violations()).extracting(Violation::field)
                .containsExactly(field);
    }

    @Test
    void readsKnownKeysTypedAndKeepsOthersAsExtra() {
        EventProperties properties = decodeWith("properties", """
                {"product_id": 12345, "color": "red", "price": 19.90, "quantity": 2, "currency": "EUR",
                 "score": 1.10, "tags": ["a", "ü"]}""").event().properties();

        assertThat(properties).isEqualTo(new EventProperties("12345", null, new BigDecimal("19.90"), null, null,
                null, "EUR", 2, "{\"color\":\"red\",\"score\":1.10,\"tags\":[\"a\",\"ü\"]}"));
    }

    @Test
    void leavesExtraNullWithoutUnknownKeys() {
        assertThat(decodeWith("properties", "{\"price\":1}").event().properties().extra()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"cart_value\":0.01}", "{\"price\":5}", "{\"price\":0,\"cart_value\":3}"})
    void acceptsPurchasesWithAPositiveAmount(String properties) {
        Map<String, String> fields = Samples.validFields();
        fields.put("event_type", "\"purchase\"");
        fields.put("properties", properties);

        assertThat(Samples.CODEC.decodeClient(Samples.json(fields), Samples.RECEIVED_AT).violations()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"price\":0}", "{\"cart_value\":0,\"currency\":\"EUR\"}", "{}", "null"})
    void rejectsPurchasesWithoutAPositiveAmount(String properties) {
        Map<String, String> fields = Samples.validFields();
        fields.put("event_type", "\"purchase\"");
        fields.put("properties", properties);

        assertThat(Samples.CODEC.decodeClient(Samples.json(fields), Samples.RECEIVED_AT).violations())
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("properties");
                    assertThat(v.error()).contains("cart_value > 0 or price > 0");
                });
    }

    @Test
    void reportsANegativePurchasePriceOnce() {
        Map<String, String> fields = Samples.validFields();
        fields.put("event_type", "\"purchase\"");
        fields.put("properties", "{\"price\":-3}");

        assertThat(Samples.CODEC.decodeClient(Samples.json(fields), Samples.RECEIVED_AT).violations())
                .extracting(Violation::field).containsExactly("properties.price");
    }
}
