package io.trackstream.ingest.intake;

import io.trackstream.model.ApiError;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The answers DirectAnswers writes outside Spring MVC's dispatch: the same as the advice's. */
class DirectAnswersTests {

    private final DirectAnswers answers = new DirectAnswers(JsonMapper.builder().build(), Duration.ofSeconds(30), "5");
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/events/track");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void writesAKnownAnswerAtOnceWithItsHeaders() throws Exception {
        answers.send(request, response, CompletableFuture.completedFuture(
                ResponseEntity.badRequest().header("X-Test", "yes").body(ApiError.of("Invalid payload", "user_id", "is required"))));

        assertThat(request.isAsyncStarted()).isFalse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getHeader("X-Test")).isEqualTo("yes");
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).contains("\"user_id\"");
    }

    @Test
    void aFailedFutureIsABugAnsweredAs500InTheApiErrorShape() throws Exception {
        CompletableFuture<ResponseEntity<Object>> answer = sentBeforeKafkaSpoke();

        answer.completeExceptionally(new IllegalStateException("a bug"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString()).contains("Internal error");
    }

    @Test
    void theContainersTimeoutAnswers503WithRetryAfterAndALateAnswerIsDropped() throws Exception {
        CompletableFuture<ResponseEntity<Object>> answer = sentBeforeKafkaSpoke();

        MockAsyncContext async = (MockAsyncContext) request.getAsyncContext();
        for (AsyncListener listener : async.getListeners()) {
            listener.onTimeout(new AsyncEvent(async, request, response));
        }
        answer.complete(ResponseEntity.accepted().body("the broker spoke after all"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString()).contains("\"kafka\"").doesNotContain("after all");
    }

    // An answer not known yet: the request goes into async mode and waits for the future.
    private CompletableFuture<ResponseEntity<Object>> sentBeforeKafkaSpoke() throws Exception {
        CompletableFuture<ResponseEntity<Object>> answer = new CompletableFuture<>();
        request.setAsyncSupported(true);
        answers.send(request, response, answer);
        return answer;
    }
}
