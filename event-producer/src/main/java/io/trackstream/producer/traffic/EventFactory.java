package io.trackstream.producer.traffic;

import io.trackstream.model.EventProperties;
import io.trackstream.model.Location;
import io.trackstream.model.UserActivityEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * Builds contract-v1 events for the simulator. Ids come from the seeded {@link Random}, never from
 * {@link UUID#randomUUID()}, so the same seed gives the same ids.
 */
final class EventFactory {

    private final Random random;

    EventFactory(Random random) {
        this.random = random;
    }

    /** A version-4-shaped UUID drawn from the seeded random. */
    String newId() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    UserActivityEvent event(String type, SimUser user, String sessionId, Instant timestamp, String url,
                            String referrer, String ip, Location location, EventProperties properties) {
        return new UserActivityEvent(newId(), user.id(), type, timestamp, null, null, sessionId, url, referrer,
                user.userAgent(), ip, properties, user.device(), location, null, null, null);
    }

    static UserActivityEvent withTimestamp(UserActivityEvent e, Instant timestamp) {
        return new UserActivityEvent(e.eventId(), e.userId(), e.eventType(), timestamp, e.sentAt(), e.receivedAt(),
                e.sessionId(), e.pageUrl(), e.referrer(), e.userAgent(), e.ipAddress(), e.properties(), e.device(),
                e.location(), e.metadata(), e.clientTimestamp(), e.clockSkewMs());
    }

    static EventProperties product(Product p) {
        return new EventProperties(p.id(), p.name(), p.price(), p.category(), null, null, Catalog.CURRENCY, null, null);
    }

    static EventProperties addToCart(Product p, BigDecimal cartValue) {
        return new EventProperties(p.id(), p.name(), p.price(), p.category(), null, cartValue, Catalog.CURRENCY, 1, null);
    }

    static EventProperties purchase(BigDecimal cartValue, int items, String orderId) {
        return new EventProperties(null, null, null, null, null, cartValue, Catalog.CURRENCY, items,
                "{\"order_id\":\"" + orderId + "\"}");
    }

    static EventProperties category(String category) {
        return new EventProperties(null, null, null, category, null, null, null, null, null);
    }

    static EventProperties search(String query) {
        return new EventProperties(null, null, null, null, query, null, null, null, null);
    }

    static EventProperties click(Product product, String element) {
        String extra = "{\"element\":\"" + element + "\"}";
        return product == null
                ? new EventProperties(null, null, null, null, null, null, null, null, extra)
                : new EventProperties(product.id(), product.name(), null, product.category(), null, null, null, null,
                extra);
    }

    /** A public-looking IPv4 address (first octet 11-199, never private or loopback ranges). */
    String ip() {
        int first = 11 + random.nextInt(189);
        if (first == 127 || first == 172 || first == 192 || first == 169 || first == 100) {
            first = 81;
        }
        return first + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** An amount uniformly in [min, max), two decimals. */
    BigDecimal amount(double min, double max) {
        return BigDecimal.valueOf(min + random.nextDouble() * (max - min)).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
