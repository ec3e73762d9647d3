package io.trackstream.storage.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.trackstream.model.ApiError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/v1/users/{userId}/events}: validates the parameters, then asks the {@link HistoryReader}. */
@RestController
class HistoryController {

    private final HistoryReader reader;

    HistoryController(HistoryReader reader) {
        this.reader = reader;
    }

    @Operation(summary = "A user's events, newest first",
            description = "Pages across day buckets with an opaque cursor. The type filter applies before the "
                    + "limit. from is inclusive, to exclusive. An unknown user gets an empty list.")
    @ApiResponse(responseCode = "200", description = "One page of events; next_cursor is null on the last page")
    @ApiResponse(responseCode = "400", description = "A bad parameter, named in detail",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @GetMapping("/api/v1/users/{userId}/events")
    HistoryPage events(
            @PathVariable String userId,
            @Parameter(description = "events per page, 1..1000 (default 50)")
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "keep only these event types (repeatable)")
            @RequestParam(name = "event_type", required = false) List<String> eventTypes,
            @Parameter(description = "earliest event time, ISO-8601 with a zone, inclusive")
            @RequestParam(required = false) String from,
            @Parameter(description = "event time to stop before, ISO-8601 with a zone, exclusive (default: the"
                    + " contract's future bound, 5 minutes, past the server's clock; an event stamped later,"
                    + " by a producer whose clock is ahead, appears once the clock reaches it)")
            @RequestParam(required = false) String to,
            @Parameter(description = "next_cursor of the previous page")
            @RequestParam(required = false) String cursor) {
        return reader.read(HistoryQuery.parse(userId, limit, eventTypes, from, to, cursor));
    }
}
