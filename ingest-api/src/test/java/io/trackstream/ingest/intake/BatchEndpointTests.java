package io.trackstream.ingest.intake;

import io.trackstream.ingest.IngestSliceTest;
import io.trackstream.ingest.SliceTestBase;
import io.trackstream.model.UserActivityEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.time.Instant;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/events/batch: each element judged alone, per-index answers, limits, Kafka failures. */
@IngestSliceTest
class BatchEndpointTests extends SliceTestBase {

    private static final String BATCH = "/api/v1/events/batch";

    private MvcTestResult post(String json) {
        return mvc.post().uri(BATCH).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private static String event(String userId) {
        return "{\"user_id\":\"" + userId + "\",\"event_type\":\"click\",\"timestamp\":\"2024-01-15T10:30:45.123Z\"}";
    }

    private static String batchOf(int count) {
        StringJoiner events = new StringJoiner(",", "{\"events\":[", "]}");
        for (int i = 0; i < count; i++) {
            events.add(event("u-" + i));
        }
        return events.toString();
    }

    @Test
    void rejectsEveryEventOfABatchWhoseSentAtIsTooFarOff() {
        MvcTestResult result = post("{\"sent_at\":\"2000-01-01T00:00:00Z\",\"events\":[" + event("a") + "]}");

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.detail[*].field").asArray().containsExactly("events[0].sent_at");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void refusesABatchSentAtBeyondTheYearsOfTheWireFormatAsEventsDo() {
        MvcTestResult result = post("{\"sent_at\":\"+999999999-12-31T23:59:59Z\",\"events\":[" + event("a") + "]}");

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.detail[*].field").asArray().containsExactly("sent_at");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void acceptsABatchOfValidEventsWithAnEventIdPerIndex() {
        MvcTestResult result = post("{\"events\":[" + event("a") + "," + event("b") + "]}");

        assertThat(result).hasStatus(202);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("accepted");
        assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(2);
        assertThat(result).bodyJson().extractingPath("$.results[*].status").asArray().containsExactly("accepted", "accepted");
        assertThat(result).bodyJson().extractingPath("$.results[1].event_id")
                .isEqualTo(publisher.published().stream().filter(e -> e.userId().equals("b")).findFirst().orElseThrow().eventId());
    }

    @Test
    void publishesTheValidEventsOfAMixedBatchAndAnswersPerIndex() {
        MvcTestResult result = post("{\"events\":[" + event("good-1") + ",{\"user_id\":0,\"event_type\":\"click\"},"
                + event("good-2") + ",[]]}");

        assertThat(result).hasStatus(207);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("partial");
        assertThat(result).bodyJson().extractingPath("$.results[*].status").asArray()
                .containsExactly("accepted", "rejected", "accepted", "rejected");
        assertThat(result).bodyJson().extractingPath("$.results[1].errors[*].field").asArray()
                .contains("user_id", "timestamp");
        assertThat(result).bodyJson().extractingPath("$.results[3].errors[0].field").isEqualTo("body");
        assertThat(publisher.published()).extracting(UserActivityEvent::userId)
                .containsExactlyInAnyOrder("good-1", "good-2");
    }

    @Test
    void answers400NamingEachElementWhenNoEventIsValid() {
        MvcTestResult result = post("{\"events\":[{\"user_id\":\"u\"},{\"event_type\":\"click\"}]}");

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.message").isEqualTo("Invalid UserActivityEvent payload");
        assertThat(result).bodyJson().extractingPath("$.detail[*].field").asArray()
                .contains("events[0].event_type", "events[1].user_id");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void answers400ForAnEnvelopeWithoutEvents() {
        assertThat(post("{}")).hasStatus(400).bodyJson().extractingPath("$.detail[0].field").isEqualTo("events");
        assertThat(post("{\"events\":[]}")).hasStatus(400).bodyJson().extractingPath("$.detail[0].field").isEqualTo("events");
        assertThat(post("{\"events\":{}}")).hasStatus(400);
        assertThat(post("[" + event("a") + "]")).hasStatus(400).bodyJson().extractingPath("$.detail[0].field").isEqualTo("body");
        assertThat(post("{\"events\":[" + event("a"))).hasStatus(400);
        assertThat(post("")).hasStatus(400);
        // Jackson reads digits lazily: this exponent fails outside its own exceptions, and must not be a 500.
        assertThat(post("{\"events\":[{\"user_id\":\"u\",\"metadata\":{\"x\":1E12345678901}}]}")).hasStatus(400)
                .bodyJson().extractingPath("$.detail[0].error").isEqualTo("must be well-formed JSON: a number's exponent is out of range");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void answers400ForABatchSentAtThatIsNoInstant() {
        MvcTestResult result = post("{\"sent_at\":\"2024-01-15 10:31\",\"events\":[" + event("a") + "]}");

        assertThat(result).hasStatus(400).bodyJson().extractingPath("$.detail[0].field").isEqualTo("sent_at");
    }

    @Test
    void appliesTheBatchSentAtToEventsWithoutTheirOwn() {
        String late = "{\"user_id\":\"own\",\"event_type\":\"click\",\"timestamp\":\"2024-01-15T10:30:45.123Z\","
                + "\"sent_at\":\"2024-01-15T10:30:59Z\"}";

        assertThat(post("{\"sent_at\":\"2024-01-15T09:31:00Z\",\"events\":[" + event("batch").replace("10:30", "09:30")
                + "," + late + "]}")).hasStatus(202);

        UserActivityEvent corrected = publisher.published().stream().filter(e -> e.userId().equals("batch")).findFirst().orElseThrow();
        UserActivityEvent untouched = publisher.published().stream().filter(e -> e.userId().equals("own")).findFirst().orElseThrow();
        assertThat(corrected.timestamp()).isEqualTo(Instant.parse("2024-01-15T10:30:45.123Z"));
        assertThat(corrected.clockSkewMs()).isEqualTo(3_600_000L);
        assertThat(untouched.clockSkewMs()).isNull();
    }

    @Test
    void acceptsFiveHundredEventsAndAnswers413ForMore() {
        assertThat(post(batchOf(500))).hasStatus(202);
        publisher.reset();

        MvcTestResult result = post(batchOf(501));

        assertThat(result).hasStatus(413);
        assertThat(result).bodyJson().extractingPath("$.detail[0].field").isEqualTo("events");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void answers413ForABodyOverOneMegabyte() {
        String padding = "x".repeat(1024 * 1024);

        assertThat(post("{\"pad\":\"" + padding + "\",\"events\":[" + event("a") + "]}")).hasStatus(413);
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void answersPerIndexWhenKafkaFailsForSomeEvents() {
        publisher.failFor("slow");

        MvcTestResult result = post("{\"events\":[" + event("fast") + "," + event("slow") + "]}");

        assertThat(result).hasStatus(207);
        assertThat(result).bodyJson().extractingPath("$.results[*].status").asArray().containsExactly("accepted", "failed");
        assertThat(result).bodyJson().extractingPath("$.results[1].reason").isEqualTo("timeout");
        assertThat(result).bodyJson().extractingPath("$.failed").isEqualTo(1);
    }

    @Test
    void answers503WithRetryAfterWhenKafkaTookNone() {
        publisher.brokerDown();

        MvcTestResult result = post("{\"events\":[" + event("a") + ",{\"user_id\":\"b\"}]}");

        assertThat(result).hasStatus(503);
        assertThat(result).headers().containsHeader("Retry-After");
        assertThat(result).bodyJson().extractingPath("$.results[*].status").asArray().containsExactly("failed", "rejected");
    }

    @Test
    void answers415ForABatchThatIsNotJson() {
        assertThat(mvc.post().uri(BATCH).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("events=1").exchange())
                .hasStatus(415);
    }
}
