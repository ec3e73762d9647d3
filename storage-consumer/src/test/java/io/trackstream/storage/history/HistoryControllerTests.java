package io.trackstream.storage.history;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The web slice of the history API: every bad parameter is a {@code 400} naming the field, all of
 * them at once, before anything reads Cassandra (the reader is a mock that must stay untouched).
 */
@WebMvcTest(HistoryController.class)
class HistoryControllerTests {

    private static final String EVENTS = "/api/v1/users/someone/events";

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private HistoryReader reader;

    @AfterEach
    void readNothing() {
        verifyNoInteractions(reader);
    }

    @ParameterizedTest
    @CsvSource({
            "limit=0, limit",
            "limit=1001, limit",
            "limit=ten, limit",
            "from=2026-03-10T00:00:00Z&to=2026-03-09T00:00:00Z, to",
            "from=2026-03-10, from",
            "to=yesterday, to",
            "event_type=%20, event_type",
            "cursor=not-a-cursor, cursor"})
    void rejectsABadParameterWithA400NamingTheField(String query, String field) {
        assertThat(mvc.get().uri(URI.create(EVENTS + "?" + query)))
                .hasStatus(400)
                .bodyJson()
                .satisfies(body -> {
                    assertThat(body).extractingPath("$.message").asString().startsWith("Invalid history request: ");
                    assertThat(body).extractingPath("$.detail[0].field").isEqualTo(field);
                    assertThat(body).extractingPath("$.detail[0].error").asString().isNotBlank();
                });
    }

    @Test
    void answersTheReadmesExampleExactly() {
        assertThat(mvc.get().uri(EVENTS + "?limit=0"))
                .hasStatus(400)
                .bodyJson()
                .isStrictlyEqualTo("""
                        {"message":"Invalid history request: limit must be between 1 and 1000, was 0",
                         "detail":[{"field":"limit","error":"must be between 1 and 1000, was 0"}]}""");
    }

    @Test
    void namesEveryBadParameterAtOnce() {
        assertThat(mvc.get().uri(EVENTS + "?limit=0&from=yesterday&to=2026-03-09&cursor=zzz"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail[*].field")
                .asArray()
                .containsExactly("limit", "from", "to", "cursor");
    }
}
