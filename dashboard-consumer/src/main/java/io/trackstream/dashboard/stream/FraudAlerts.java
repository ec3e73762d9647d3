package io.trackstream.dashboard.stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The alerts panel: fraud-consumer's alerts as they arrive, each pushed as an {@code alert}
 * message, the latest {@value #KEPT} kept for a page that opens later. The alert is shown as
 * fraud-consumer wrote it (any JSON object), so the two services share no classes. Until the
 * topic exists the panel is empty.
 */
@Component
class FraudAlerts {

    static final int KEPT = 50;

    private final SseHub hub;
    private final JsonMapper json;
    private final Deque<JsonNode> latest = new ArrayDeque<>();

    FraudAlerts(SseHub hub, JsonMapper json) {
        this.hub = hub;
        this.json = json;
    }

    /** Shows an alert the tail of the alerts topic delivered. */
    void arrived(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        JsonNode alert = json.readTree(record.value());
        if (!alert.isObject()) {
            return;
        }
        synchronized (latest) {
            latest.addFirst(alert);
            if (latest.size() > KEPT) {
                latest.removeLast();
            }
        }
        hub.broadcast("alert", json.writeValueAsString(alert));
    }

    /** The latest alerts, newest first. */
    List<JsonNode> latest() {
        synchronized (latest) {
            return new ArrayList<>(latest);
        }
    }

}
