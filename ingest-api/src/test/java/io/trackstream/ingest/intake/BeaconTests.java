package io.trackstream.ingest.intake;

import io.trackstream.ingest.IngestSliceTest;
import io.trackstream.ingest.SliceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** navigator.sendBeacon posts text/plain: the same JSON, the same rules and the same answers as application/json. */
@IngestSliceTest
class BeaconTests extends SliceTestBase {

    private static final String BEACON_TYPE = "text/plain;charset=UTF-8";
    private static final String VALID = """
            {"user_id":"u-1","event_type":"page_view","timestamp":"2024-01-15T10:30:45.123Z"}""";
    private static final String INVALID = """
            {"user_id":"u-1","event_type":"click","timestamp":"yesterday"}""";

    private MvcTestResult post(String path, String contentType, String body) {
        return mvc.post().uri(path).contentType(contentType).content(body).exchange();
    }

    @Test
    void acceptsATextPlainEvent() {
        assertThat(post("/api/v1/events/track", BEACON_TYPE, VALID)).hasStatus(202)
                .bodyJson().extractingPath("$.status").isEqualTo("accepted");
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void acceptsATextPlainBatch() {
        assertThat(post("/api/v1/events/batch", MediaType.TEXT_PLAIN_VALUE, "{\"events\":[" + VALID + "," + VALID + "]}"))
                .hasStatus(202);
        assertThat(publisher.published()).hasSize(2);
    }

    @Test
    void judgesATextPlainBodyByTheSameRulesAndAnswersTheSame() {
        MvcTestResult text = post("/api/v1/events/track", BEACON_TYPE, INVALID);
        MvcTestResult json = post("/api/v1/events/track", MediaType.APPLICATION_JSON_VALUE, INVALID);

        assertThat(text).hasStatus(400);
        assertThat(text.getResponse().getContentAsByteArray()).isEqualTo(json.getResponse().getContentAsByteArray());
        assertThat(post("/api/v1/events/batch", BEACON_TYPE, "{\"events\":[" + VALID + "," + INVALID + "]}"))
                .hasStatus(207).bodyJson().extractingPath("$.results[1].errors[0].field").isEqualTo("timestamp");
        assertThat(post("/api/v1/events/track", BEACON_TYPE, "hello")).hasStatus(400);
    }

    @Test
    void otherContentTypesStay415() {
        MvcTestResult result = post("/api/v1/events/track", MediaType.APPLICATION_FORM_URLENCODED_VALUE, "a=1");

        assertThat(result).hasStatus(415);
        assertThat(result).bodyJson().extractingPath("$.detail[0].error").asString()
                .contains("application/json").contains("text/plain").contains("was application/x-www-form-urlencoded");
        assertThat(post("/api/v1/events/batch", "text/html", VALID)).hasStatus(415);
    }
}
