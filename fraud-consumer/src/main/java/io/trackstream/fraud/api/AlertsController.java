package io.trackstream.fraud.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.trackstream.fraud.alerts.AlertReader;
import io.trackstream.fraud.alerts.AlertWriter;
import io.trackstream.fraud.detect.FraudAlert;
import io.trackstream.fraud.rules.Rule;
import io.trackstream.model.ApiError;
import io.trackstream.model.Violation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The stored alerts: a day's, newest first and paged, and a user's latest. */
@RestController
class AlertsController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    /** One page of a day's alerts. */
    record AlertPage(List<FraudAlert> alerts, String nextCursor) {
    }

    /** A user's latest alerts. */
    record UserAlerts(String userId, List<FraudAlert> alerts) {
    }

    private final AlertReader reader;
    private final Clock clock;

    AlertsController(AlertReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    @Operation(summary = "One day's fraud alerts, newest first",
            description = "The alerts whose triggering event happened on that UTC day, of every rule or of one, paged by an opaque cursor.")
    @ApiResponse(responseCode = "200", description = "One page; next_cursor is null on the last page")
    @ApiResponse(responseCode = "400", description = "A bad parameter, named in detail",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @GetMapping("/api/v1/fraud/alerts")
    AlertPage alerts(
            @Parameter(description = "the UTC day, YYYY-MM-DD (default: today)") @RequestParam(required = false) String date,
            @Parameter(description = "only this rule's alerts, e.g. HIGH_VALUE") @RequestParam(required = false) String rule,
            @Parameter(description = "alerts per page, 1..1000 (default 50)") @RequestParam(required = false) Integer limit,
            @Parameter(description = "next_cursor of the previous page") @RequestParam(required = false) String cursor) {
        List<Violation> violations = new ArrayList<>();
        LocalDate day = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        if (date != null) {
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                violations.add(new Violation("date", "must be a day as YYYY-MM-DD"));
            }
        }
        if (rule != null && Rule.named(rule).isEmpty()) {
            violations.add(new Violation("rule", "is not a rule (known: " + String.join(", ",
                    Arrays.stream(Rule.values()).map(Rule::name).toList()) + ")"));
        }
        int pageSize = limit(limit, violations);
        String ruleKey = rule == null ? AlertWriter.EVERY_RULE : rule;
        java.nio.ByteBuffer pagingState = null;
        if (cursor != null && violations.isEmpty()) {
            try {
                pagingState = AlertCursor.decode(cursor, day, ruleKey);
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("cursor", e.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiException.badRequest(violations);
        }
        AlertReader.Page page = reader.day(day, ruleKey, pageSize, pagingState);
        return new AlertPage(page.alerts(), page.pagingState() == null ? null : AlertCursor.encode(day, ruleKey, page.pagingState()));
    }

    @Operation(summary = "A user's fraud alerts, newest first", description = "An unknown user gets an empty list.")
    @ApiResponse(responseCode = "200", description = "The user's latest alerts")
    @ApiResponse(responseCode = "400", description = "A bad parameter, named in detail",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @GetMapping("/api/v1/users/{userId}/fraud-alerts")
    UserAlerts userAlerts(@PathVariable String userId,
                          @Parameter(description = "alerts, 1..1000 (default 50)") @RequestParam(required = false) Integer limit) {
        List<Violation> violations = new ArrayList<>();
        int max = limit(limit, violations);
        if (!violations.isEmpty()) {
            throw ApiException.badRequest(violations);
        }
        return new UserAlerts(userId, reader.user(userId, max));
    }

    private static int limit(Integer limit, List<Violation> violations) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add(new Violation("limit", "must be between 1 and " + MAX_LIMIT));
        }
        return limit;
    }
}
