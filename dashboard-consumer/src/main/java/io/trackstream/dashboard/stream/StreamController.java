package io.trackstream.dashboard.stream;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /api/v1/dashboard/stream}: the live page's server-sent events. */
@RestController
class StreamController {

    private final SseHub hub;

    StreamController(SseHub hub) {
        this.hub = hub;
    }

    @Operation(summary = "Server-sent events: snapshot, events, alert",
            description = "snapshot every second (the body of /snapshot); events: the newest events, at most 50 a "
                    + "second, as a JSON array; alert: each fraud alert as it arrives. A comment every 15 s; the "
                    + "server ends a stream after 5 minutes and the browser reconnects.")
    @GetMapping(path = "/api/v1/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                // nginx and similar proxies would otherwise buffer the stream
                .header("X-Accel-Buffering", "no")
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .body(hub.open());
    }
}
