package io.trackstream.dashboard.stream;

import io.trackstream.dashboard.live.Snapshot;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Pushes each second's snapshot to every stream, encoded once. */
@Component
class SnapshotPush {

    private final SseHub hub;
    private final JsonMapper json;

    SnapshotPush(SseHub hub, JsonMapper json) {
        this.hub = hub;
        this.json = json;
    }

    @EventListener
    void push(Snapshot snapshot) {
        hub.broadcast("snapshot", json.writeValueAsString(snapshot));
    }
}
