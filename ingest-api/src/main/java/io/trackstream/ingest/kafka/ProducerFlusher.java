package io.trackstream.ingest.kafka;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Flushes the producer after the web server has stopped taking and finishing requests (it stops in
 * a later lifecycle phase than the server's graceful shutdown), so nothing handed to the producer
 * is left in its buffer; the producer factory then closes the producer when the context is destroyed.
 */
final class ProducerFlusher implements SmartLifecycle {

    private final KafkaTemplate<String, byte[]> template;
    private volatile boolean running;

    ProducerFlusher(KafkaTemplate<String, byte[]> template) {
        this.template = template;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        try {
            template.flush();
        } finally {
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // Lifecycles stop from the highest phase down; the web server's phases are near Integer.MAX_VALUE.
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
