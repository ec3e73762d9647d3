package io.trackstream.ingest.access;

import io.trackstream.ingest.IngestSliceTest;
import io.trackstream.ingest.SliceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** CORS for pages on the allowed origins, and the API key of a beacon in the query string. */
@IngestSliceTest
@TestPropertySource(properties = {
        "trackstream.ingest.api-keys=key-web",
        "trackstream.ingest.cors.allowed-origins=https://shop.example,https://blog.example",
        "trackstream.ingest.cors.max-age=2h"})
class CrossOriginTests extends SliceTestBase {

    private static final String BATCH = "/api/v1/events/batch";
    private static final String EVENTS = """
            {"events":[{"user_id":"u-1","event_type":"page_view","timestamp":"2024-01-15T10:30:45.123Z"}]}""";

    private MvcTestResult preflight(String path, String origin, String headers) {
        return mvc.options().uri(path)
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, headers)
                .exchange();
    }

    @Test
    void answersThePreflightOfAnAllowedOriginWithoutAnApiKeyAndLetsTheBrowserCacheIt() {
        MvcTestResult result = preflight(BATCH, "https://shop.example", "content-type,x-api-key");

        assertThat(result).hasStatusOk();
        assertThat(result).headers()
                .hasValue(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://shop.example")
                .hasValue(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "7200")
                .doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
        assertThat(result).headers()
                .hasValue(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "content-type, x-api-key")
                .hasValue(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST");
    }

    @Test
    void answersTheSegmentApisPreflightWithTheAuthorizationHeaderAllowed() {
        MvcTestResult result = preflight("/v1/batch", "https://blog.example", "authorization,content-type");

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS))
                .containsIgnoringCase("authorization");
    }

    @Test
    void refusesThePreflightOfAnotherOrigin() {
        MvcTestResult result = preflight(BATCH, "https://evil.example", "content-type,x-api-key");

        assertThat(result).hasStatus(403);
        assertThat(result).headers().doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void refusesAHeaderThatIsNotAllowed() {
        assertThat(preflight(BATCH, "https://shop.example", "x-custom")).hasStatus(403);
    }

    @Test
    void letsThePageReadTheAnswerAndItsRetryAfter() {
        MvcTestResult result = mvc.post().uri(BATCH).header(HttpHeaders.ORIGIN, "https://shop.example")
                .header("X-API-Key", "key-web").contentType(MediaType.APPLICATION_JSON).content(EVENTS).exchange();

        assertThat(result).hasStatus(202);
        assertThat(result).headers().hasValue(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://shop.example");
        assertThat(result.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)).contains("Retry-After");
    }

    @Test
    void aRefusedKeyIsStillReadableByThePage() {
        MvcTestResult result = mvc.post().uri(BATCH).header(HttpHeaders.ORIGIN, "https://shop.example")
                .contentType(MediaType.APPLICATION_JSON).content(EVENTS).exchange();

        assertThat(result).hasStatus(401);
        assertThat(result).headers().hasValue(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://shop.example");
    }

    @Test
    void takesABeaconsApiKeyFromTheQueryString() {
        MvcTestResult result = mvc.post().uri(BATCH + "?api_key=key-web").header(HttpHeaders.ORIGIN, "https://shop.example")
                .contentType("text/plain;charset=UTF-8").content(EVENTS).exchange();

        assertThat(result).hasStatus(202);
        assertThat(publisher.published()).hasSize(1);
        assertThat(mvc.post().uri(BATCH + "?api_key=guess").contentType(MediaType.TEXT_PLAIN).content(EVENTS).exchange())
                .hasStatus(401);
    }

    @Test
    void theTrackerScriptNeedsNoApiKey() {
        // A <script> tag sends no key; only the events need one.
        assertThat(mvc.get().uri("/sdk/trackstream.js").exchange()).hasStatusOk();
    }
}
