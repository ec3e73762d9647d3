package io.trackstream.dashboard.stream;

import io.trackstream.dashboard.DashboardProperties;
import io.trackstream.model.EventCodec;
import io.trackstream.model.EventRecords;
import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live feed: the newest events of the whole topic, at most {@code feed-per-second} a second,
 * pushed five times a second as one {@code events} message (a JSON array, oldest first). Only the
 * events that are sent are decoded; an event id already sent is not sent again.
 */
@Component
class LatestEvents {

    static final int FLUSHES_PER_SECOND = 5;
    private static final int REMEMBERED_IDS = 10_000;

    private final SseHub hub;
    private final EventCodec codec;
    private final int perFlush;
    private final Deque<ConsumerRecord<byte[], byte[]>> newest = new ArrayDeque<>();
    private final Map<String, Boolean> sentIds = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };

    LatestEvents(SseHub hub, EventCodec codec, DashboardProperties properties) {
        this.hub = hub;
        this.codec = codec;
        this.perFlush = Math.max(1, properties.feedPerSecond() / FLUSHES_PER_SECOND);
    }

    /** How many events one flush sends at most. */
    int perFlush() {
        return perFlush;
    }

    /** Keeps a record the tail of {@code user-activities} delivered, if it is among the newest. */
    void arrived(ConsumerRecord<byte[], byte[]> record) {
        synchronized (newest) {
            newest.addLast(record);
            if (newest.size() > perFlush) {
                newest.removeFirst();
            }
        }
    }

    @Scheduled(fixedRate = 1000 / FLUSHES_PER_SECOND)
    void flush() {
        List<ConsumerRecord<byte[], byte[]>> batch;
        synchronized (newest) {
            if (newest.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(newest);
            newest.clear();
        }
        StringBuilder json = new StringBuilder("[");
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            String eventId = EventRecords.eventId(record.headers());
            if (eventId != null && sentIds.put(eventId, Boolean.TRUE) != null) {
                continue; // a resend of an event already in the feed
            }
            EventCodec.Decoded decoded = codec.decodeRecord(record.value());
            UserActivityEvent event = decoded.event();
            if (event == null || !decoded.isValid()) {
                continue; // the dead-letter topic's business, not the feed's
            }
            json.append(json.length() > 1 ? "," : "").append(codec.encodeToString(event));
        }
        if (json.length() > 1) {
            hub.broadcast("events", json.append(']').toString());
        }
    }

}
