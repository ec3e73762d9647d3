package io.trackstream.ingest.segment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trackstream.ingest.ClientAddresses;
import io.trackstream.ingest.intake.BoundedBody;
import io.trackstream.ingest.intake.DirectAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * Segment's HTTP Tracking API, so Segment's SDKs (and RudderStack's or Jitsu's, which speak the
 * same format) can point at Trackstream unchanged. Authenticated by HTTP Basic with the API key as
 * the user name ({@code AccessFilter}); limits are Segment's: 32 KB per call, 500 KB per batch.
 */
@RestController
@RequestMapping("/v1")
@Tag(name = "segment", description = "Segment-compatible Tracking API (HTTP Basic: API key as user name)")
class SegmentController {

    static final long MAX_MESSAGE_BYTES = 32 * 1024;
    static final long MAX_BATCH_BYTES = 500 * 1024;

    private final SegmentIntake intake;
    private final DirectAnswers answers;
    private final ClientAddresses clientAddresses;

    SegmentController(SegmentIntake intake, DirectAnswers answers, ClientAddresses clientAddresses) {
        this.intake = intake;
        this.answers = answers;
        this.clientAddresses = clientAddresses;
    }

    @Operation(summary = "One Segment call: track, page, screen or identify",
            description = "200 {\"success\":true} once Kafka holds the event; 400 names the Segment field; 503 + Retry-After.")
    @PostMapping(path = "/{call:track|page|screen|identify}", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    void single(@PathVariable String call, HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = BoundedBody.read(request, MAX_MESSAGE_BYTES);
        answers.send(request, response, intake.single(call, body, clientAddresses.resolve(request)));
    }

    @Operation(summary = "A Segment batch: {\"batch\":[messages with a type], \"sentAt\"}",
            description = "200 {\"success\":true} once Kafka holds every message; 400 names batch[i].field (the valid ones "
                    + "are published all the same); 503 + Retry-After when Kafka did not take one.")
    @PostMapping(path = "/batch", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    void batch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = BoundedBody.read(request, MAX_BATCH_BYTES);
        answers.send(request, response, intake.batch(body, clientAddresses.resolve(request)));
    }

}
