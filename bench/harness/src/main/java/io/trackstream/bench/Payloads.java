package io.trackstream.bench;

import io.trackstream.model.Device;
import io.trackstream.model.EventCodec;
import io.trackstream.model.EventProperties;
import io.trackstream.model.Location;
import io.trackstream.model.UserActivityEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic event payloads, encoded by the contract's own codec exactly as ingest-api writes them
 * to Kafka (enriched: received_at, parsed device, anonymised IP), so the raw baselines and the
 * pipeline move the same bytes. Seeded: every run measures the same payloads.
 */
final class Payloads {

    private static final String[] TYPES = {"page_view", "page_view", "page_view", "page_view", "page_view", "page_view",
            "click", "click", "click", "search", "add_to_cart", "purchase"};
    private static final String UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";

    private Payloads() {
    }

    static List<UserActivityEvent> events(int count, int users, Instant start, long spanMillis, long seed) {
        Random random = new Random(seed);
        List<UserActivityEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String type = TYPES[random.nextInt(TYPES.length)];
            Instant time = start.plusMillis((long) (random.nextDouble() * spanMillis));
            BigDecimal price = BigDecimal.valueOf(500 + random.nextInt(50_000), 2);
            EventProperties properties = new EventProperties("PROD-" + random.nextInt(5_000), "Product " + random.nextInt(5_000),
                    price, "electronics", "search".equals(type) ? "laptop deals" : null,
                    "purchase".equals(type) || "add_to_cart".equals(type) ? price : null, "USD", null, null);
            events.add(new UserActivityEvent(new UUID(random.nextLong(), random.nextLong()).toString(),
                    "user-" + random.nextInt(users), type, time, null, time.plusMillis(20), "sess-" + random.nextInt(users * 3),
                    "/products/" + random.nextInt(5_000), "https://www.example.com/", UA, "203.0.113.0",
                    properties, new Device("desktop", "Windows", "Chrome"), new Location("US", "New York", "America/New_York"),
                    "{\"campaign\":\"spring\",\"ab\":" + random.nextInt(4) + "}", null, null));
        }
        return events;
    }

    static List<byte[]> encoded(List<UserActivityEvent> events) {
        EventCodec codec = EventCodec.create();
        return events.stream().map(codec::encode).toList();
    }

    static double averageSize(List<byte[]> payloads) {
        return payloads.stream().mapToInt(p -> p.length).average().orElse(0);
    }
}
