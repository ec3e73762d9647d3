package io.trackstream.analytics.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.trackstream.model.ApiError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** {@code /api/v1/analytics/*}: validates the parameters, then asks {@link AnalyticsQueries}. Days are UTC. */
@RestController
@RequestMapping("/api/v1/analytics")
@ApiResponse(responseCode = "400", description = "A bad parameter, named in detail",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
class AnalyticsController {

    static final int MAX_DAYS = 31;
    static final int MAX_HOURS = 48;

    private final AnalyticsQueries queries;

    AnalyticsController(AnalyticsQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "Events by type, distinct users, orders, revenue and AOV per hour or day",
            description = "Buckets from the one holding from up to to (exclusive; a date as to means the end of that day; "
                    + "absent, the end of from's day). At most 31 days by day or 48 hours by hour. Empty buckets have zeros.")
    @GetMapping("/summary")
    Responses.Summary summary(
            @Parameter(description = "YYYY-MM-DD or an ISO-8601 instant (required)") @RequestParam(required = false) String from,
            @Parameter(description = "YYYY-MM-DD (inclusive day) or an ISO-8601 instant (exclusive)") @RequestParam(required = false) String to,
            @Parameter(description = "hour or day (default day)") @RequestParam(required = false) String granularity) {
        QueryParams params = new QueryParams();
        String unit = params.oneOf("granularity", granularity, Set.of("hour", "day"), "day");
        Instant start = params.dayOrInstant("from", from, true);
        Instant end = params.dayOrInstant("to", to, false);
        if (end != null && to.strip().length() == 10) {
            end = end.plus(Duration.ofDays(1));
        }
        params.check();
        ChronoUnit bucket = "hour".equals(unit) ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        Instant first = start.truncatedTo(bucket);
        if (end == null) {
            end = LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (!end.isAfter(first)) {
            params.reject("to", "must be after from");
        } else if (bucket.between(first, end.minusMillis(1)) + 1 > ("hour".equals(unit) ? MAX_HOURS : MAX_DAYS)) {
            params.reject("to", "hour".equals(unit) ? "must be at most " + MAX_HOURS + " hours after from"
                    : "must be at most " + MAX_DAYS + " days after from");
        }
        params.check();
        return queries.summary(unit, first, end);
    }

    @Operation(summary = "The most viewed pages of a day (URL path, query string dropped)")
    @GetMapping("/top-pages")
    Responses.TopPages topPages(
            @Parameter(description = "YYYY-MM-DD, UTC (required)") @RequestParam(required = false) String date,
            @Parameter(description = "1..100 (default 10)") @RequestParam(required = false) String limit) {
        return dayAndLimit(date, limit, queries::topPages);
    }

    @Operation(summary = "Views, add-to-carts, purchases and revenue per product of a day")
    @GetMapping("/products")
    Responses.Products products(
            @Parameter(description = "YYYY-MM-DD, UTC (required)") @RequestParam(required = false) String date,
            @Parameter(description = "revenue (default; the sum over currencies), views or purchases, most first")
            @RequestParam(required = false) String sort,
            @Parameter(description = "1..100 (default 10)") @RequestParam(required = false) String limit) {
        QueryParams params = new QueryParams();
        LocalDate day = params.date("date", date);
        String order = params.oneOf("sort", sort, Set.of("revenue", "views", "purchases"), "revenue");
        int n = params.limit(limit);
        params.check();
        return queries.products(day, order, n);
    }

    @Operation(summary = "The conversion funnel of a day, by distinct users who did the steps in order")
    @GetMapping("/funnel")
    Responses.Funnel funnel(@Parameter(description = "YYYY-MM-DD, UTC (required)") @RequestParam(required = false) String date) {
        return queries.funnel(day(date));
    }

    @Operation(summary = "Events, distinct users and revenue per country of a day, most events first")
    @GetMapping("/geo")
    Responses.Geo geo(@Parameter(description = "YYYY-MM-DD, UTC (required)") @RequestParam(required = false) String date) {
        return queries.geo(day(date));
    }

    @Operation(summary = "The most active users of a day, by events")
    @GetMapping("/top-users")
    Responses.TopUsers topUsers(
            @Parameter(description = "YYYY-MM-DD, UTC (required)") @RequestParam(required = false) String date,
            @Parameter(description = "1..100 (default 10)") @RequestParam(required = false) String limit) {
        return dayAndLimit(date, limit, queries::topUsers);
    }

    /** The one required parameter of a day's question, or the 400. */
    private static LocalDate day(String date) {
        QueryParams params = new QueryParams();
        LocalDate day = params.date("date", date);
        params.check();
        return day;
    }

    /** A day's ranking: the day and the limit, or the 400 naming both when both are bad. */
    private static <T> T dayAndLimit(String date, String limit, java.util.function.BiFunction<LocalDate, Integer, T> query) {
        QueryParams params = new QueryParams();
        LocalDate day = params.date("date", date);
        int n = params.limit(limit);
        params.check();
        return query.apply(day, n);
    }
}
