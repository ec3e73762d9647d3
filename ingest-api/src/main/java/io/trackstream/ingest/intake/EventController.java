package io.trackstream.ingest.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trackstream.ingest.ClientAddresses;
import io.trackstream.ingest.IngestProperties;
import io.trackstream.model.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The HTTP edge: reads the raw body within the limits and hands it to {@link EventIntake}. The
 * event is not bound by Spring's converters, because the contract codec is the one judge of a
 * payload. {@link DirectAnswers} writes each answer once Kafka has spoken, so no servlet thread waits
 * and the request is not dispatched a second time.
 *
 * <p>Both endpoints also take text/plain holding the same JSON, judged by the same rules:
 * {@code navigator.sendBeacon} can only send a CORS-safelisted type without a preflight.
 */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "events", description = "Track user activity events")
class EventController {

    private static final String TRACK_EXAMPLE = """
            {"user_id":"u-42","event_type":"page_view","timestamp":"2024-01-15T10:30:45.123Z",
             "page_url":"https://shop.example/","properties":{"category":"home"}}""";
    private static final String BATCH_EXAMPLE = """
            {"sent_at":"2024-01-15T10:30:46.000Z","events":[
             {"user_id":"u-42","event_type":"click","timestamp":"2024-01-15T10:30:45.123Z"},
             {"user_id":"u-43","event_type":"search","timestamp":"2024-01-15T10:30:45.500Z",
              "properties":{"search_query":"shoes"}}]}""";

    private final EventIntake intake;
    private final ClientAddresses clientAddresses;
    private final IngestProperties.Limits limits;
    private final DirectAnswers answers;

    EventController(EventIntake intake, DirectAnswers answers, ClientAddresses clientAddresses, IngestProperties properties) {
        this.intake = intake;
        this.answers = answers;
        this.clientAddresses = clientAddresses;
        this.limits = properties.limits();
    }

    @Operation(summary = "Track one event",
            description = "Answers 202 only once Kafka acknowledged the event.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            examples = @ExampleObject(value = TRACK_EXAMPLE))),
            responses = {
                    @ApiResponse(responseCode = "202", description = "Kafka holds the event",
                            content = @Content(schema = @Schema(implementation = TrackAccepted.class))),
                    @ApiResponse(responseCode = "400", description = "Invalid payload",
                            content = @Content(schema = @Schema(implementation = ApiError.class))),
                    @ApiResponse(responseCode = "401", description = "Missing or unknown X-API-Key"),
                    @ApiResponse(responseCode = "413", description = "Body over the limit"),
                    @ApiResponse(responseCode = "415", description = "Content type is not JSON or text/plain"),
                    @ApiResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After"),
                    @ApiResponse(responseCode = "503", description = "Kafka unavailable; see Retry-After")})
    @PostMapping(path = "/track", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json", MediaType.TEXT_PLAIN_VALUE})
    void track(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = BoundedBody.read(request, limits.maxEventBody().toBytes());
        answers.send(request, response, intake.track(body, clientAddresses.resolve(request)));
    }

    @Operation(summary = "Track up to 500 events at once",
            description = "Each event is judged alone; valid ones are published even when others are rejected. "
                    + "202 all accepted, 207 some accepted, 400 none valid, 503 Kafka took none.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            examples = @ExampleObject(value = BATCH_EXAMPLE))),
            responses = {
                    @ApiResponse(responseCode = "202", description = "Kafka holds every event",
                            content = @Content(schema = @Schema(implementation = BatchResponse.class))),
                    @ApiResponse(responseCode = "207", description = "Some events accepted; see results",
                            content = @Content(schema = @Schema(implementation = BatchResponse.class))),
                    @ApiResponse(responseCode = "400", description = "No event is valid",
                            content = @Content(schema = @Schema(implementation = ApiError.class))),
                    @ApiResponse(responseCode = "413", description = "Over 500 events or 1 MB"),
                    @ApiResponse(responseCode = "503", description = "Kafka took none; see Retry-After")})
    @PostMapping(path = "/batch", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json", MediaType.TEXT_PLAIN_VALUE})
    void batch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = BoundedBody.read(request, limits.maxBatchBody().toBytes());
        answers.send(request, response, intake.batch(body, clientAddresses.resolve(request)));
    }

}
