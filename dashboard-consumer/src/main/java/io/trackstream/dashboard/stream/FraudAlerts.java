package io.trackstream.dashboard.stream;

import io.trackstream.dashboard.DashboardProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
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
class FraudAlerts implements SmartLifecycle {

    /** fraud-consumer's output topic; to become {@code Topics.FRAUD_ALERTS} once common-model names it. */
    static final String FRAUD_ALERTS_TOPIC = "fraud-alerts";
    static final int KEPT = 50;

    private final SseHub hub;
    private final JsonMapper json;
    private final TailReader reader;
    private final Deque<JsonNode> latest = new ArrayDeque<>();
    private volatile boolean running;

    FraudAlerts(SseHub hub, JsonMapper json, DashboardProperties properties,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.hub = hub;
        this.json = json;
        this.reader = new TailReader(FRAUD_ALERTS_TOPIC, bootstrapServers, properties.alertsLookback(), this::arrived);
    }

    private void arrived(ConsumerRecord<byte[], byte[]> record) {
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

    @Override
    public void start() {
        reader.start();
        running = true;
    }

    @Override
    public void stop() {
        reader.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
