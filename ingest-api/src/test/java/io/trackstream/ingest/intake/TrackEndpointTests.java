package io.trackstream.ingest.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.trackstream.ingest.IngestSliceTest;
import io.trackstream.ingest.SliceTestBase;
import io.trackstream.ingest.SliceTestBeans;
import io.trackstream.model.UserActivityEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/events/track: every contract rule class and error path, with Kafka faked. */
@IngestSliceTest
class TrackEndpointTests extends SliceTestBase {

    private static final String TRACK = "/api/v1/events/track";
    private static final String VALID = """
            {"event_id":"e-1","user_id":"u-1","event_type":"page_view","timestamp":"2024-01-15T10:30:45.123Z"}""";

    @Autowired
    MeterRegistry registry;

    private MvcTestResult post(String json) {
        return mvc.post().uri(TRACK).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private MvcTestResult postEvent(String fields) {
        return post("{\"user_id\":\"u-1\",\"event_type\":\"click\",\"timestamp\":\"2024-01-15T10:30:45.123Z\"" + fields + "}");
    }

    private void assertRejected(MvcTestResult result, String field) {
        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.message").isEqualTo("Invalid UserActivityEvent payload");
        assertThat(result).bodyJson().extractingPath("$.detail[*].field").asArray().contains(field);
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void acceptsAValidEventOnceThePublisherAcknowledged() {
        MvcTestResult result = post(VALID);

        assertThat(result).hasStatus(202);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("accepted");
        assertThat(result).bodyJson().extractingPath("$.message").isEqualTo("Event queued for processing");
        assertThat(result).bodyJson().extractingPath("$.event_id").isEqualTo("e-1");
        assertThat(publisher.published()).singleElement().satisfies(event -> {
            assertThat(event.userId()).isEqualTo("u-1");
            assertThat(event.receivedAt()).isEqualTo(SliceTestBeans.NOW);
        });
    }

    @Test
    void assignsAnEventIdWhenTheClientSentNone() {
        MvcTestResult result = postEvent("");

        assertThat(result).hasStatus(202);
        String assigned = publisher.published().get(0).eventId();
        assertThat(assigned).matches("[0-9a-f-]{36}");
        assertThat(result).bodyJson().extractingPath("$.event_id").isEqualTo(assigned);
    }

    @Test
    void keepsAnIntegerUserIdAsItsDecimalString() {
        MvcTestResult result = post("{\"user_id\":12345,\"event_type\":\"login\",\"timestamp\":\"2024-01-15T10:30:45Z\"}");

        assertThat(result).hasStatus(202);
        assertThat(publisher.published().get(0).userId()).isEqualTo("12345");
    }

    @ParameterizedTest(name = "user_id {0} is rejected")
    @CsvSource(delimiter = '|', value = {"0", "-5", "1.5", "123.0", "true", "null", "\"\"", "{}", "[]",
            "99999999999999999999999"})
    void rejectsUserIdsOutsideTheContract(String userId) {
        assertRejected(post("{\"user_id\":" + userId + ",\"event_type\":\"click\",\"timestamp\":\"2024-01-15T10:30:45Z\"}"),
                "user_id");
    }

    @Test
    void rejectsAMissingUserId() {
        assertRejected(post("{\"event_type\":\"click\",\"timestamp\":\"2024-01-15T10:30:45Z\"}"), "user_id");
    }

    @Test
    void rejectsAMissingOrOverlongEventType() {
        assertRejected(post("{\"user_id\":\"u\",\"timestamp\":\"2024-01-15T10:30:45Z\"}"), "event_type");
        assertRejected(post("{\"user_id\":\"u\",\"event_type\":\"" + "x".repeat(51)
                + "\",\"timestamp\":\"2024-01-15T10:30:45Z\"}"), "event_type");
    }

    @Test
    void acceptsACustomEventType() {
        assertThat(post("{\"user_id\":\"u\",\"event_type\":\"wishlist_add\",\"timestamp\":\"2024-01-15T10:30:45Z\"}"))
                .hasStatus(202);
    }

    @ParameterizedTest(name = "timestamp {0} is rejected")
    @CsvSource(delimiter = '|', value = {"\"2024-01-15T10:30:45\"", "\"2024-01-15\"", "1705314645123",
            "\"2024-01-15T10:40:00Z\"", "\"yesterday\""})
    void rejectsTimestampsOutsideTheContract(String timestamp) {
        assertRejected(post("{\"user_id\":\"u\",\"event_type\":\"click\",\"timestamp\":" + timestamp + "}"), "timestamp");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "user_id    | \"\\ud800\"             | user_id",
            "event_id   | \"a\\udc00\"            | event_id",
            "event_type | \"\\udbff\"             | event_type",
            "metadata   | {\"a\":[\"\\ud800\"]}     | metadata.a[0]",
            "metadata   | {\"\\ud800\":1}          | metadata",
            "properties | {\"color\":\"\\ud800\"} | properties.color",
            "device     | {\"os\":\"\\ud800\"}    | device.os",
            "location   | {\"city\":\"\\ud800\"}  | location.city",
    })
    void rejectsTextThatIsNotUnicodeNamingTheField(String field, String rawJson, String expected) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("user_id", "\"u\"", "event_type", "\"click\"",
                "timestamp", "\"2024-01-15T10:30:45Z\""));
        fields.put(field, rawJson);
        String json = fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));

        assertRejected(post(json), expected);
    }

    @ParameterizedTest(name = "sent_at {0}")
    @CsvSource({"9999-12-31T23:59:59.000Z", "1970-01-01T00:00:00Z", "2024-01-16T10:31:01Z"})
    void rejectsASentAtTooFarOffToCorrect(String sentAt) {
        assertRejected(postEvent(",\"sent_at\":\"" + sentAt + "\""), "sent_at");
    }

    @Test
    void rejectsAnEventTimeBeforeTheEpoch() {
        assertRejected(post("{\"user_id\":\"u\",\"event_type\":\"click\",\"timestamp\":\"1969-12-31T23:59:59Z\"}"),
                "timestamp");
    }

    @Test
    void normalisesATimestampWithAnOffsetToUtc() {
        assertThat(post("{\"user_id\":\"u\",\"event_type\":\"click\",\"timestamp\":\"2024-01-15T11:30:45.1234+01:00\"}"))
                .hasStatus(202);
        assertThat(publisher.published().get(0).timestamp()).isEqualTo(Instant.parse("2024-01-15T10:30:45.123Z"));
    }

    @Test
    void correctsTheTimestampWhenTheClientClockIsSkewedBeyondTheThreshold() {
        MvcTestResult result = post("""
                {"user_id":"u","event_type":"click","timestamp":"2024-01-15T09:30:45.123Z","sent_at":"2024-01-15T09:31:00Z"}""");
        assertThat(result).hasStatus(202);

        UserActivityEvent event = publisher.published().get(0);
        // received 10:31:00, sent by the client's clock at 09:31:00: the client is one hour behind.
        assertThat(event.clockSkewMs()).isEqualTo(3_600_000L);
        assertThat(event.clientTimestamp()).isEqualTo(Instant.parse("2024-01-15T09:30:45.123Z"));
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2024-01-15T10:30:45.123Z"));
    }

    @Test
    void leavesTheTimestampAloneWhenTheSkewIsBelowTheThreshold() {
        assertThat(postEvent(",\"sent_at\":\"2024-01-15T10:30:58Z\"")).hasStatus(202);

        UserActivityEvent event = publisher.published().get(0);
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2024-01-15T10:30:45.123Z"));
        assertThat(event.clockSkewMs()).isNull();
        assertThat(event.clientTimestamp()).isNull();
    }

    @Test
    void rejectsPropertiesThatBreakTheirRules() {
        assertRejected(postEvent(",\"properties\":{\"price\":-1}"), "properties.price");
        assertRejected(postEvent(",\"properties\":{\"currency\":\"EURO\"}"), "properties.currency");
        assertRejected(postEvent(",\"properties\":{\"quantity\":0}"), "properties.quantity");
        assertRejected(post("{\"user_id\":\"u\",\"event_type\":\"purchase\",\"timestamp\":\"2024-01-15T10:30:45Z\"}"),
                "properties");
    }

    @Test
    void acceptsAPurchaseWithACartValueAndKeepsUnknownProperties() {
        MvcTestResult result = post("""
                {"user_id":"u","event_type":"purchase","timestamp":"2024-01-15T10:30:45Z",
                 "properties":{"cart_value":12.50,"currency":"EUR","coupon":"X1"}}""");

        assertThat(result).hasStatus(202);
        String json = new String(io.trackstream.model.EventCodec.create().encode(publisher.published().get(0)),
                StandardCharsets.UTF_8);
        assertThat(json).contains("\"coupon\":\"X1\"").contains("\"cart_value\":12.50");
    }

    @Test
    void rejectsDeviceAndLocationOutsideTheContract() {
        assertRejected(postEvent(",\"device\":{\"type\":\"fridge\"}"), "device.type");
        assertRejected(postEvent(",\"location\":{\"country\":\"Germany\"}"), "location.country");
        assertRejected(postEvent(",\"location\":{\"timezone\":\"Mars/Base\"}"), "location.timezone");
    }

    @Test
    void rejectsAnIpAddressThatIsNotALiteral() {
        assertRejected(postEvent(",\"ip_address\":\"example.com\""), "ip_address");
    }

    @Test
    void rejectsOverlongOptionalStrings() {
        assertRejected(postEvent(",\"session_id\":\"" + "s".repeat(129) + "\""), "session_id");
    }

    @ParameterizedTest(name = "body {0} is rejected")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {"''", "'null'", "'[]'",
            "'[{\"user_id\":\"u\",\"event_type\":\"click\",\"timestamp\":\"2024-01-15T10:30:45Z\"}]'",
            "'{\"user_id\":\"u\",'", "'{not json}'", "'\"text\"'", "'{\"user_id\":\"u\",\"metadata\":{\"x\":1E12345678901}}'"})
    void rejectsBodiesThatAreNotOneJsonObject(String body) {
        MvcTestResult result = post(body);

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.message").isEqualTo("Invalid UserActivityEvent payload");
        assertThat(result).bodyJson().extractingPath("$.detail").asArray().isNotEmpty();
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThat(post("{\"user_id\":\"a\",\"user_id\":\"b\",\"event_type\":\"click\",\"timestamp\":\"2024-01-15T10:30:45Z\"}"))
                .hasStatus(400);
    }

    @Test
    void reportsUnknownFieldsAsIgnored() {
        MvcTestResult result = postEvent(",\"colour\":\"blue\"");

        assertThat(result).hasStatus(202);
        assertThat(result).bodyJson().extractingPath("$.ignored_fields").asArray().containsExactly("colour");
    }

    @Test
    void answers413ForABodyOverTheLimitWithoutTakingIt() {
        String big = "{\"user_id\":\"u\",\"event_type\":\"click\",\"timestamp\":\"2024-01-15T10:30:45Z\",\"metadata\":{\"x\":\""
                + "a".repeat(70 * 1024) + "\"}}";

        MvcTestResult result = post(big);

        assertThat(result).hasStatus(413);
        assertThat(result).bodyJson().extractingPath("$.detail[0].field").isEqualTo("body");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void answers415ForAContentTypeThatIsNeitherJsonNorText() {
        MvcTestResult result = mvc.post().uri(TRACK).contentType(MediaType.APPLICATION_XML).content(VALID).exchange();

        assertThat(result).hasStatus(415);
        assertThat(result).bodyJson().extractingPath("$.detail[0].field").isEqualTo("Content-Type");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void answers415WithoutAContentType() {
        assertThat(mvc.post().uri(TRACK).content(VALID).exchange()).hasStatus(415);
    }

    @Test
    void acceptsJsonWithACharset() {
        assertThat(mvc.post().uri(TRACK).contentType("application/json; charset=utf-8").content(VALID).exchange())
                .hasStatus(202);
    }

    @Test
    void answers405ForAnotherMethodInTheErrorShape() {
        MvcTestResult result = mvc.get().uri(TRACK).exchange();

        assertThat(result).hasStatus(405);
        assertThat(result).bodyJson().extractingPath("$.detail[0].field").isEqualTo("method");
    }

    @Test
    void answers202OnlyOnceKafkaAcknowledged() throws Exception {
        publisher.holdAcknowledgements();

        MvcTestResult pending = mvc.post().uri(TRACK).contentType(MediaType.APPLICATION_JSON).content(VALID).asyncExchange();

        // The servlet thread is free and nothing is answered while the broker has not spoken.
        assertThat(pending.getMvcResult().getRequest().isAsyncStarted()).isTrue();
        assertThat(pending.getMvcResult().getResponse().getContentAsByteArray()).isEmpty();
        publisher.acknowledgeHeld();
        // The acknowledging thread writes the answer itself: no second dispatch.
        assertThat(pending.getMvcResult().getResponse().getStatus()).isEqualTo(202);
        assertThat(pending.getMvcResult().getResponse().getContentAsString()).contains("event_id");
    }

    @Test
    void answers503WithRetryAfterWhenKafkaDoesNotAcknowledge() {
        publisher.brokerDown();

        MvcTestResult result = post(VALID);

        assertThat(result).hasStatus(503);
        assertThat(result).headers().containsHeader("Retry-After");
        assertThat(result).bodyJson().extractingPath("$.detail[0].field").isEqualTo("kafka");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void takesTheIpAddressFromTheConnectionAndAnonymisesIt() {
        MvcTestResult result = mvc.post().uri(TRACK).contentType(MediaType.APPLICATION_JSON).content(VALID)
                .with(request -> {
                    request.setRemoteAddr("203.0.113.77");
                    request.addHeader("X-Forwarded-For", "198.51.100.9");
                    return request;
                }).exchange();

        assertThat(result).hasStatus(202);
        // The peer is no trusted proxy, so its X-Forwarded-For is not believed.
        assertThat(publisher.published().get(0).ipAddress()).isEqualTo("203.0.113.0");
    }

    @Test
    void anonymisesAnIpv6AddressTheClientSent() {
        assertThat(postEvent(",\"ip_address\":\"2001:db8:85a3:1234:5678:8a2e:370:7334\"")).hasStatus(202);

        assertThat(publisher.published().get(0).ipAddress()).isEqualTo("2001:db8:85a3:0:0:0:0:0");
    }

    @Test
    void parsesTheDeviceFromTheUserAgentWhenTheClientSentNone() {
        String ua = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";

        assertThat(postEvent(",\"user_agent\":\"" + ua + "\"")).hasStatus(202);

        UserActivityEvent event = publisher.published().get(0);
        assertThat(event.device().type()).isEqualTo("mobile");
        assertThat(event.device().os()).startsWith("iOS");
        assertThat(event.device().browser()).startsWith("Safari");
    }

    @Test
    void keepsTheDeviceTheClientSent() {
        assertThat(postEvent(",\"user_agent\":\"Mozilla/5.0 (iPhone)\",\"device\":{\"type\":\"tablet\",\"os\":\"X\"}"))
                .hasStatus(202);

        assertThat(publisher.published().get(0).device().type()).isEqualTo("tablet");
        assertThat(publisher.published().get(0).device().os()).isEqualTo("X");
    }

    @Test
    void countsAcceptedAndRejectedEventsByReason() {
        double acceptedBefore = count("accepted", "none");
        double rejectedBefore = count("rejected", "user_id");

        post(VALID);
        post("{\"user_id\":0,\"event_type\":\"click\",\"timestamp\":\"2024-01-15T10:30:45Z\"}");

        assertThat(count("accepted", "none")).isEqualTo(acceptedBefore + 1);
        assertThat(count("rejected", "user_id")).isEqualTo(rejectedBefore + 1);
    }

    private double count(String result, String reason) {
        var counter = registry.find("trackstream.ingest.events").tag("result", result).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
