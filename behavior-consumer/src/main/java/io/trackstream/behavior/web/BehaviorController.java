package io.trackstream.behavior.web;

import io.trackstream.behavior.store.BehaviorReader;
import io.trackstream.behavior.stream.DailyInsights;
import io.trackstream.behavior.stream.Session;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** The behaviour API: checks the parameters, reads, shapes the answer. */
@RestController
@RequestMapping("/api/v1")
class BehaviorController {

    private final BehaviorReader reader;
    private final Clock clock;

    BehaviorController(BehaviorReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    @Operation(summary = "A user's profile (the original user_stats), kept current; 404 for a user never seen")
    @GetMapping("/users/{userId}/profile")
    Responses.ProfileResponse profile(@PathVariable String userId) {
        return reader.profile(userId).map(p -> Responses.ProfileResponse.of(p, clock.instant()))
                .orElseThrow(() -> new UnknownUserException(userId));
    }

    @Operation(summary = "A user's closed sessions, newest first, paged by next_cursor")
    @GetMapping("/users/{userId}/sessions")
    Responses.SessionsResponse sessions(@PathVariable String userId,
                                        @Parameter(description = "1-100, default 20") @RequestParam(defaultValue = "20") int limit,
                                        @Parameter(description = "next_cursor of the previous page") @RequestParam(required = false) String cursor) {
        checkLimit(limit, 100);
        BehaviorReader.SessionPage page;
        try {
            page = reader.sessions(userId, limit, cursor == null || cursor.isBlank() ? null : cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("cursor", "is not a cursor this service handed out for this user");
        }
        return new Responses.SessionsResponse(userId, page.sessions().stream().map(Responses.SessionResponse::of).toList(),
                page.nextCursor());
    }

    @Operation(summary = "The day's most common journeys: the first five pages of a session, URLs cleaned")
    @GetMapping("/behavior/paths")
    Responses.PathsResponse paths(@Parameter(description = "YYYY-MM-DD (UTC), default today") @RequestParam(required = false) String date,
                                  @Parameter(description = "1-20, default 20") @RequestParam(defaultValue = "20") int limit) {
        checkLimit(limit, 20);
        LocalDate day = day(date);
        DailyInsights insights = insights(day);
        return new Responses.PathsResponse(day.toString(), insights.sessions(), insights.topPaths(limit).stream()
                .map(e -> new Responses.PathCount(Arrays.asList(e.getKey().split(Session.ARROW)), e.getValue())).toList());
    }

    @Operation(summary = "The day's most common page-to-page transitions")
    @GetMapping("/behavior/transitions")
    Responses.TransitionsResponse transitions(@Parameter(description = "YYYY-MM-DD (UTC), default today") @RequestParam(required = false) String date,
                                              @Parameter(description = "1-50, default 50") @RequestParam(defaultValue = "50") int limit) {
        checkLimit(limit, 50);
        LocalDate day = day(date);
        return new Responses.TransitionsResponse(day.toString(), insights(day).topTransitions(limit).stream().map(e -> {
            String[] steps = e.getKey().split(Session.ARROW, 2);
            return new Responses.Transition(steps[0], steps[1], e.getValue());
        }).toList());
    }

    @Operation(summary = "Exit pages of sessions without a purchase with their exit rate (top 20), and cart abandonment")
    @GetMapping("/behavior/dropoffs")
    Responses.DropoffsResponse dropoffs(@Parameter(description = "YYYY-MM-DD (UTC), default today") @RequestParam(required = false) String date) {
        LocalDate day = day(date);
        DailyInsights insights = insights(day);
        return new Responses.DropoffsResponse(day.toString(), insights.sessions(), insights.dropoffs(20),
                new Responses.CartAbandonment(insights.sessionsWithCart(), insights.cartAbandoned(), insights.cartAbandonment()));
    }

    @Operation(summary = "Segment sizes (users active that day, by their last 30 days) and each segment's sessions by device")
    @GetMapping("/behavior/segments")
    Responses.SegmentsResponse segments(@Parameter(description = "YYYY-MM-DD (UTC), default today") @RequestParam(required = false) String date) {
        LocalDate day = day(date);
        Map<String, Responses.SegmentResponse> out = new TreeMap<>();
        insights(day).segments().forEach((segment, figures) -> out.put(segment, Responses.SegmentResponse.of(figures)));
        return new Responses.SegmentsResponse(day.toString(), out);
    }

    @Operation(summary = "Session start to first purchase over the day's converted sessions: p50, p90 (whole seconds) and mean")
    @GetMapping("/behavior/time-to-purchase")
    Responses.TimeToPurchaseResponse timeToPurchase(@Parameter(description = "YYYY-MM-DD (UTC), default today") @RequestParam(required = false) String date) {
        LocalDate day = day(date);
        DailyInsights.TimeToPurchase t = insights(day).timeToPurchase();
        return new Responses.TimeToPurchaseResponse(day.toString(), t.purchasingSessions(), t.p50S(), t.p90S(), t.meanS());
    }

    private DailyInsights insights(LocalDate day) {
        return DailyInsights.merge(day.toString(), reader.day(day));
    }

    private LocalDate day(String date) {
        if (date == null || date.isBlank()) {
            return LocalDate.now(clock.withZone(ZoneOffset.UTC));
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("date", "must be a UTC day YYYY-MM-DD, was " + date);
        }
    }

    private static void checkLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new InvalidParameterException("limit", "must be between 1 and " + max + ", was " + limit);
        }
    }
}
