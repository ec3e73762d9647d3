package io.trackstream.storage.history;

import io.trackstream.model.Violation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HistoryQueryTests {

    @Test
    void defaultsTheLimitToFifty() {
        assertThat(HistoryQuery.parse("u", null, null, null, null, null).limit()).isEqualTo(50);
    }

    @Test
    void rejectsALimitOutsideOneToAThousand() {
        assertThat(fields(0)).containsExactly("limit");
        assertThat(fields(1001)).containsExactly("limit");
        assertThat(HistoryQuery.parse("u", 1000, null, null, null, null).limit()).isEqualTo(1000);
    }

    @Test
    void rejectsToBeforeFrom() {
        assertThatExceptionOfType(InvalidQueryException.class)
                .isThrownBy(() -> HistoryQuery.parse("u", null, null, "2026-03-10T00:00:00Z", "2026-03-09T23:59:59Z", null))
                .satisfies(e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("to"));
    }

    @Test
    void readsInstantsWithAnOffsetAsUtc() {
        HistoryQuery query = HistoryQuery.parse("u", null, List.of("click"), "2026-03-09T03:00:00+05:30", null, null);

        assertThat(query.from()).isEqualTo(Instant.parse("2026-03-08T21:30:00Z"));
        assertThat(query.accepts("click")).isTrue();
        assertThat(query.accepts("search")).isFalse();
    }

    @Test
    void readsInstantsWithTheContractsParser() {
        // Instants.parse: years 0000-9999, truncated to the millisecond, as an event's instants.
        assertThatExceptionOfType(InvalidQueryException.class)
                .isThrownBy(() -> HistoryQuery.parse("u", null, null, "10000-01-01T00:00:00Z", null, null))
                .satisfies(e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("from"));
        assertThat(HistoryQuery.parse("u", null, null, null, "2026-03-09T03:00:00.123456Z", null).to())
                .isEqualTo(Instant.parse("2026-03-09T03:00:00.123Z"));
    }

    @Test
    void reportsEveryBadParameterAtOnce() {
        assertThatExceptionOfType(InvalidQueryException.class)
                .isThrownBy(() -> HistoryQuery.parse("u", 0, null, "yesterday", "2026-03-09", "zzz"))
                .satisfies(e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly("limit", "from", "to", "cursor"));
    }

    private static List<String> fields(int limit) {
        try {
            HistoryQuery.parse("u", limit, null, null, null, null);
            return List.of();
        } catch (InvalidQueryException e) {
            return e.violations().stream().map(Violation::field).toList();
        }
    }
}
