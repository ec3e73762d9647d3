package io.trackstream.ingest.sdk;

import io.trackstream.ingest.IngestSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** /sdk/trackstream.js is served small, cacheable for an hour and revalidated by its ETag. */
@IngestSliceTest
class TrackerScriptTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void servesTheTrackerWithCachingHeaders() {
        MvcTestResult result = mvc.get().uri("/sdk/trackstream.js").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("text/javascript");
        assertThat(result).headers().hasValue(HttpHeaders.CACHE_CONTROL, "max-age=3600, public");
        assertThat(result.getResponse().getContentAsByteArray().length).isBetween(1000, 10_000);
        String etag = result.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).isNotBlank();

        assertThat(mvc.get().uri("/sdk/trackstream.js").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()).hasStatus(304);
    }
}
