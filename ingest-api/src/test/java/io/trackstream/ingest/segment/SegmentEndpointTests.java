package io.trackstream.ingest.segment;

import io.trackstream.ingest.IngestSliceTest;
import io.trackstream.ingest.SliceTestBase;
import io.trackstream.model.UserActivityEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The Segment-compatible API: HTTP Basic with the write key, Segment's answers and limits, the codec's rules. */
@IngestSliceTest
@TestPropertySource(properties = "trackstream.ingest.api-keys=seg-key")
class SegmentEndpointTests extends SliceTestBase {

    private static final String ORDER = """
            {"userId":"u-1","event":"Order Completed","messageId":"m-1","timestamp":"2024-01-15T10:30:45.123Z",
             "properties":{"order_id":"o-1","revenue":25.50,"currency":"EUR"}}""";

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":").getBytes(StandardCharsets.UTF_8));
    }

    private MvcTestResult post(String path, String json) {
        return mvc.post().uri(path).header(HttpHeaders.AUTHORIZATION, basic("seg-key"))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    @Test
    void answersSegmentsSuccessOnceKafkaHoldsTheEvent() {
        MvcTestResult result = post("/v1/track", ORDER);

        assertThat(result).hasStatusOk().bodyJson().isStrictlyEqualTo("{\"success\":true}");
        UserActivityEvent event = publisher.published().get(0);
        assertThat(event.eventId()).isEqualTo("m-1");
        assertThat(event.userId()).isEqualTo("u-1");
        assertThat(event.eventType()).isEqualTo("purchase");
        assertThat(event.properties().cartValue()).isEqualByComparingTo(new BigDecimal("25.50"));
        assertThat(event.receivedAt()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/page", "/v1/screen", "/v1/identify"})
    void acceptsTheOtherCalls(String path) {
        assertThat(post(path, "{\"anonymousId\":\"a-1\",\"timestamp\":\"2024-01-15T10:30:45Z\"}")).hasStatusOk();
        assertThat(publisher.published()).singleElement().satisfies(e ->
                assertThat(e.eventType()).isEqualTo(path.endsWith("identify") ? "identify" : "page_view"));
    }

    @Test
    void publishesABatchWithTheBatchsSentAt() {
        MvcTestResult result = post("/v1/batch", """
                {"sentAt":"2024-01-15T10:31:00Z","writeKey":"seg-key","batch":[
                 {"type":"track","userId":"u-1","event":"Product Added","timestamp":"2024-01-15T10:30:45Z","properties":{"product_id":"p-1","price":9.99}},
                 {"type":"page","userId":"u-1","timestamp":"2024-01-15T10:30:46Z"},
                 {"type":"identify","userId":"u-1","timestamp":"2024-01-15T10:30:47Z","traits":{"plan":"pro"}}]}""");

        assertThat(result).hasStatusOk();
        assertThat(publisher.published()).extracting(UserActivityEvent::eventType)
                .containsExactly("add_to_cart", "page_view", "identify");
        assertThat(publisher.published().get(0).sentAt()).isEqualTo("2024-01-15T10:31:00Z");
    }

    @Test
    void answers400NamingTheSegmentFieldOfABrokenRule() {
        MvcTestResult result = post("/v1/track", """
                {"event":"Order Completed","timestamp":"2024-01-15T10:30:45Z","properties":{"total":-1},
                 "context":{"page":{"url":42}}}""");

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.message").isEqualTo("Invalid UserActivityEvent payload");
        assertThat(result).bodyJson().extractingPath("$.detail[*].field").asArray()
                .contains("userId", "properties.total", "context.page.url");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void answersAsTheReadmeShows() {
        assertThat(post("/v1/track", """
                {"event":"Order Completed","timestamp":"2024-01-15T10:30:45Z","properties":{"total":-1}}"""))
                .hasStatus(400).bodyJson().isStrictlyEqualTo("""
                        {"message":"Invalid UserActivityEvent payload","detail":[{"field":"userId","error":"is required and \
                        must be a non-blank string of at most 128 characters or an integer >= 1"},\
                        {"field":"properties.total","error":"must be a finite number >= 0"}]}""");
    }

    @Test
    void namesTheBatchElementAndStillPublishesTheValidOnes() {
        MvcTestResult result = post("/v1/batch", """
                {"batch":[{"type":"track","userId":"u-1","event":"ok","timestamp":"2024-01-15T10:30:45Z"},
                          {"type":"alias","userId":"u-1","previousId":"a"},
                          {"type":"track","userId":"u-1","event":"bad","timestamp":"yesterday"}]}""");

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.detail[*].field").asArray()
                .containsExactly("batch[1].type", "batch[2].timestamp");
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void answers400ForABodyThatIsNotJsonOrABatchWithoutMessages() {
        assertThat(post("/v1/track", "{\"userId\":")).hasStatus(400).bodyJson().extractingPath("$.detail[0].field").isEqualTo("body");
        assertThat(post("/v1/batch", "{\"batch\":[]}")).hasStatus(400).bodyJson().extractingPath("$.detail[0].field").isEqualTo("batch");
    }

    @Test
    void answers503WithRetryAfterWhenKafkaDidNotTakeAMessage() {
        publisher.brokerDown();

        MvcTestResult result = post("/v1/batch", "{\"batch\":[" + ORDER.replace("{\"userId\"", "{\"type\":\"track\",\"userId\"") + "]}");

        assertThat(result).hasStatus(503);
        assertThat(result).headers().containsHeader(HttpHeaders.RETRY_AFTER);
    }

    @Test
    void keepsSegmentsLimits() {
        String big = "x".repeat(33 * 1024);
        assertThat(post("/v1/track", "{\"userId\":\"u\",\"event\":\"x\",\"properties\":{\"p\":\"" + big + "\"}}"))
                .hasStatus(413);
        String message = "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"x\",\"properties\":{\"p\":\"" + "y".repeat(20 * 1024) + "\"}}";
        assertThat(post("/v1/batch", "{\"batch\":[" + String.join(",", java.util.Collections.nCopies(26, message)) + "]}"))
                .hasStatus(413);
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void answers401WithoutTheWriteKeyAsBasicUserName() {
        MvcTestResult missing = mvc.post().uri("/v1/track").contentType(MediaType.APPLICATION_JSON).content(ORDER).exchange();
        assertThat(missing).hasStatus(401);
        assertThat(missing).headers().hasValue(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"trackstream\"");
        assertThat(missing).bodyJson().extractingPath("$.detail[0].field").isEqualTo("Authorization");

        assertThat(mvc.post().uri("/v1/track").header(HttpHeaders.AUTHORIZATION, basic("guess"))
                .contentType(MediaType.APPLICATION_JSON).content(ORDER).exchange()).hasStatus(401);
        assertThat(mvc.post().uri("/v1/track").header(HttpHeaders.AUTHORIZATION, "Basic !!!")
                .contentType(MediaType.APPLICATION_JSON).content(ORDER).exchange()).hasStatus(401);
        // The native API's header is not Segment's way in.
        assertThat(mvc.post().uri("/v1/track").header("X-API-Key", "seg-key")
                .contentType(MediaType.APPLICATION_JSON).content(ORDER).exchange()).hasStatus(401);
        assertThat(publisher.published()).isEmpty();
    }
}
