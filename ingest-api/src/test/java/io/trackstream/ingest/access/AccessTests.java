package io.trackstream.ingest.access;

import io.trackstream.ingest.IngestSliceTest;
import io.trackstream.ingest.SliceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** API keys, the rate limit per key and X-Forwarded-For from a trusted proxy, with keys configured. */
@IngestSliceTest
@TestPropertySource(properties = {
        "trackstream.ingest.api-keys=key-auth,key-rate,key-proxy",
        "trackstream.ingest.rate-limit.capacity=3",
        "trackstream.ingest.rate-limit.refill-per-second=1",
        "trackstream.ingest.enrichment.trusted-proxies=10.0.0.0/8"})
class AccessTests extends SliceTestBase {

    private static final String TRACK = "/api/v1/events/track";
    private static final String VALID = """
            {"user_id":"u-1","event_type":"page_view","timestamp":"2024-01-15T10:30:45.123Z"}""";

    private MvcTestResult track(String apiKey) {
        var request = mvc.post().uri(TRACK).contentType(MediaType.APPLICATION_JSON).content(VALID);
        return apiKey == null ? request.exchange() : request.header("X-API-Key", apiKey).exchange();
    }

    @Test
    void answers401WithoutAnApiKey() {
        MvcTestResult result = track(null);

        assertThat(result).hasStatus(401);
        assertThat(result).bodyJson().extractingPath("$.detail[0].field").isEqualTo("X-API-Key");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void answers401ForAnUnknownApiKey() {
        assertThat(track("guess")).hasStatus(401).bodyJson().extractingPath("$.detail[0].error")
                .isEqualTo("is not a known API key");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void acceptsAKnownApiKey() {
        assertThat(track("key-auth")).hasStatus(202);
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void answers429WithRetryAfterOnceAKeyExceedsItsRate() {
        List<Integer> statuses = new ArrayList<>();
        MvcTestResult limited = null;
        for (int i = 0; i < 10 && limited == null; i++) {
            MvcTestResult result = track("key-rate");
            statuses.add(result.getResponse().getStatus());
            if (result.getResponse().getStatus() == 429) {
                limited = result;
            }
        }

        assertThat(statuses.subList(0, 3)).containsOnly(202);
        assertThat(limited).isNotNull();
        assertThat(limited).headers().containsHeader("Retry-After");
        assertThat(limited).bodyJson().extractingPath("$.message").isEqualTo("Too many requests");
    }

    @Test
    void believesForwardedForOnlyFromATrustedProxy() {
        MvcTestResult result = mvc.post().uri(TRACK).contentType(MediaType.APPLICATION_JSON).content(VALID)
                .header("X-API-Key", "key-proxy")
                .header("X-Forwarded-For", "198.51.100.23")
                .with(request -> {
                    request.setRemoteAddr("10.0.0.5");
                    return request;
                }).exchange();

        assertThat(result).hasStatus(202);
        assertThat(publisher.published().get(0).ipAddress()).isEqualTo("198.51.100.0");
    }
}
