package io.trackstream.producer;

import org.slf4j.Logger;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * What a sink's destination made of the events sent to it: counts of acknowledged and failed
 * events, and a warning for each of the first few failures only, as an outage of the destination
 * would otherwise log once per event. Thread-safe: sends complete on the clients' I/O threads.
 */
final class Deliveries {

    private static final int WARNINGS = 5;

    private final Logger log;
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder failed = new LongAdder();

    Deliveries(Logger log) {
        this.log = log;
    }

    void acknowledged(int events) {
        acknowledged.add(events);
    }

    void failed(int events, Supplier<String> reason) {
        failed.add(events);
        if (failed.sum() <= WARNINGS) {
            log.warn("Send failed: {}", reason.get());
        }
    }

    long acknowledged() {
        return acknowledged.sum();
    }

    long failed() {
        return failed.sum();
    }
}
