package io.trackstream.ingest.segment;

import io.trackstream.model.EventCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapping table of the module README, row by row. */
class SegmentMappingTests {

    private static final Instant RECEIVED = Instant.parse("2024-01-15T10:31:00Z");

    private static SegmentMapping.Mapped map(String json, String call) {
        return SegmentMapping.map(EventCodec.create().mapper().readTree(json), call, RECEIVED);
    }

    private static JsonNode event(String json, String call) {
        SegmentMapping.Mapped mapped = map(json, call);
        assertThat(mapped.violations()).isEmpty();
        return mapped.event();
    }

    @ParameterizedTest
    @CsvSource({
            "Products Searched, search",
            "Product Added, add_to_cart",
            "Product Removed, remove_from_cart",
            "Order Completed, purchase",
            "Newsletter Subscribed, Newsletter Subscribed",
            "login, login"})
    void mapsTrackEventNamesOfTheECommerceSpecAndKeepsAnyOtherAsACustomType(String name, String type) {
        assertThat(event("{\"userId\":\"u\",\"event\":\"" + name + "\"}", "track").get("event_type").stringValue())
                .isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource({"page, page_view", "screen, page_view", "identify, identify"})
    void mapsTheOtherCalls(String call, String type) {
        assertThat(event("{\"userId\":\"u\"}", call).get("event_type").stringValue()).isEqualTo(type);
    }

    @Test
    void mapsTheCommonFields() {
        JsonNode event = event("""
                {"type":"track","event":"Clicked","messageId":"m-1","userId":"u-1","anonymousId":"a-1",
                 "timestamp":"2024-01-15T10:30:45.123Z","sentAt":"2024-01-15T10:30:46Z","properties":{"color":"red"},
                 "context":{"ip":"203.0.113.9","userAgent":"UA/1.0",
                            "page":{"url":"https://shop.example/p","referrer":"https://search.example/"}}}""", null);

        assertThat(event.toString()).isEqualTo("""
                {"event_id":"m-1","user_id":"u-1","event_type":"Clicked","timestamp":"2024-01-15T10:30:45.123Z",\
                "sent_at":"2024-01-15T10:30:46Z","properties":{"color":"red"},"ip_address":"203.0.113.9",\
                "user_agent":"UA/1.0","page_url":"https://shop.example/p","referrer":"https://search.example/"}""");
    }

    @Test
    void takesTheAnonymousIdWithoutAUserIdAndTheReceiveTimeWithoutATimestamp() {
        JsonNode event = event("{\"anonymousId\":\"a-1\",\"event\":\"x\"}", "track");

        assertThat(event.get("user_id").stringValue()).isEqualTo("a-1");
        assertThat(event.get("timestamp").stringValue()).isEqualTo("2024-01-15T10:31:00Z");
    }

    @Test
    void takesRevenueElseTotalAsTheCartValueOfAnOrder() {
        JsonNode revenue = event("{\"userId\":\"u\",\"event\":\"Order Completed\",\"properties\":{\"revenue\":25.5,\"total\":30,\"currency\":\"EUR\"}}", "track");
        JsonNode total = event("{\"userId\":\"u\",\"event\":\"Order Completed\",\"properties\":{\"total\":30}}", "track");

        assertThat(revenue.get("properties").toString()).isEqualTo("{\"total\":30,\"currency\":\"EUR\",\"cart_value\":25.5}");
        assertThat(total.get("properties").toString()).isEqualTo("{\"cart_value\":30}");
    }

    @Test
    void renamesTheSearchQueryAndTheProductName() {
        assertThat(event("{\"userId\":\"u\",\"event\":\"Products Searched\",\"properties\":{\"query\":\"shoes\"}}", "track")
                .get("properties").toString()).isEqualTo("{\"search_query\":\"shoes\"}");
        assertThat(event("{\"userId\":\"u\",\"event\":\"Product Added\",\"properties\":{\"product_id\":\"p-1\",\"name\":\"Shoe\",\"price\":20,\"quantity\":1}}", "track")
                .get("properties").toString()).isEqualTo("{\"product_id\":\"p-1\",\"price\":20,\"quantity\":1,\"product_name\":\"Shoe\"}");
    }

    @Test
    void takesThePageUrlOfAPageCallFromItsProperties() {
        JsonNode event = event("{\"userId\":\"u\",\"properties\":{\"url\":\"https://shop.example/\",\"referrer\":\"https://a.example/\"}}", "page");

        assertThat(event.get("page_url").stringValue()).isEqualTo("https://shop.example/");
        assertThat(event.get("referrer").stringValue()).isEqualTo("https://a.example/");
    }

    @Test
    void keepsOnlyTheDeviceAndLocationThatFitTheContract() {
        JsonNode event = event("""
                {"userId":"u","event":"x","context":{"device":{"type":"ios","model":"iPhone15,2"},
                 "os":{"name":"iOS","version":"17.1"},"timezone":"Europe/Berlin",
                 "location":{"country":"Germany","city":"Berlin","latitude":52.5}}}""", "track");

        assertThat(event.get("device").toString()).isEqualTo("{\"type\":\"mobile\",\"os\":\"iOS 17.1\"}");
        assertThat(event.get("location").toString()).isEqualTo("{\"city\":\"Berlin\",\"timezone\":\"Europe/Berlin\"}");
        assertThat(event("{\"userId\":\"u\",\"event\":\"x\",\"context\":{\"device\":{\"type\":\"fridge\"},\"location\":{\"country\":\"DE\"},\"timezone\":\"Mars/Base\"}}", "track")
                .get("location").toString()).isEqualTo("{\"country\":\"DE\"}");
    }

    @Test
    void doesNotRecordTheTraitsOfAnIdentify() {
        assertThat(event("{\"userId\":\"u\",\"traits\":{\"email\":\"a@b.example\"}}", "identify").has("properties")).isFalse();
    }

    @Test
    void namesTheSegmentFieldOfAContractField() {
        SegmentMapping.Mapped mapped = map("""
                {"anonymousId":"a","event":"Order Completed","properties":{"total":1},"context":{"page":{"url":"x"},"os":{"name":"iOS"}}}""", "track");

        assertThat(mapped.segmentField("user_id")).isEqualTo("anonymousId");
        assertThat(mapped.segmentField("event_type")).isEqualTo("event");
        assertThat(mapped.segmentField("properties.cart_value")).isEqualTo("properties.total");
        assertThat(mapped.segmentField("properties.price")).isEqualTo("properties.price");
        assertThat(mapped.segmentField("page_url")).isEqualTo("context.page.url");
        assertThat(mapped.segmentField("device.os")).isEqualTo("context.os");
        assertThat(mapped.segmentField("body")).isEqualTo("body");
        assertThat(map("{\"event\":\"x\"}", "track").segmentField("user_id")).isEqualTo("userId");
    }

    @Test
    void refusesAMessageWithoutAKnownType() {
        assertThat(map("{\"type\":\"alias\",\"userId\":\"u\"}", null).violations())
                .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("type"));
        assertThat(map("[1]", null).violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("body"));
    }
}
