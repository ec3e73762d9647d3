package io.trackstream.producer.traffic;

import io.trackstream.model.EventProperties;
import io.trackstream.model.KnownEventType;
import io.trackstream.model.Location;
import io.trackstream.model.UserActivityEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Scripts the events of one fraud case. A script is a list of steps, each turning the emission
 * timestamp into an event, so a case is emitted event after event in the stream (within seconds at
 * any rate of 1 event/s or more) and can be interleaved with duplicates.
 */
final class FraudInjector {

    private static final String PURCHASE = KnownEventType.PURCHASE.wireName();
    private static final String PAGE_VIEW = KnownEventType.PAGE_VIEW.wireName();

    private final Random random;
    private final EventFactory factory;
    private final Catalog catalog;

    FraudInjector(Random random, EventFactory factory, Catalog catalog) {
        this.random = random;
        this.factory = factory;
        this.catalog = catalog;
    }

    List<Function<Instant, UserActivityEvent>> script(FraudPattern pattern, SimUser user, String sessionId) {
        List<Function<Instant, UserActivityEvent>> steps = new ArrayList<>();
        Location home = user.location();
        switch (pattern) {
            case PURCHASE_BURST -> {
                for (int i = 0; i < 8; i++) {
                    Product p = catalog.randomProduct(random);
                    steps.add(ts -> purchase(user, sessionId, ts, user.ip(), home, p.price()));
                }
            }
            case MANY_IPS -> {
                for (int i = 0; i < 6; i++) {
                    String ip = factory.ip();
                    steps.add(ts -> factory.event(PAGE_VIEW, user, sessionId, ts, "/", null, ip, home, null));
                }
            }
            case IMPOSSIBLE_TRAVEL -> {
                Place far = user.home().farthest();
                Location away = new Location(far.country(), far.city(), far.timezone());
                String otherIp = factory.ip();
                steps.add(ts -> factory.event(PAGE_VIEW, user, sessionId, ts, "/", null, user.ip(), home, null));
                BigDecimal amount = factory.amount(100, 900);
                steps.add(ts -> purchase(user, sessionId, ts, otherIp, away, amount));
            }
            case TINY_THEN_LARGE -> {
                // under 1.00: the consumer's SMALL_THEN_LARGE threshold
                BigDecimal tiny = factory.amount(0.1, 0.99);
                BigDecimal large = factory.amount(1500, 5000);
                steps.add(ts -> purchase(user, sessionId, ts, user.ip(), home, tiny));
                steps.add(ts -> purchase(user, sessionId, ts, user.ip(), home, large));
            }
            case VERY_HIGH_VALUE -> {
                BigDecimal huge = factory.amount(10_000, 50_000);
                steps.add(ts -> purchase(user, sessionId, ts, user.ip(), home, huge));
            }
            case COUNTRY_HOP -> {
                List<Place> elsewhere = Place.ALL.stream().filter(p -> !p.country().equals(home.country())).toList();
                Place other = elsewhere.get(random.nextInt(elsewhere.size()));
                Location abroad = new Location(other.country(), null, other.timezone());
                steps.add(ts -> factory.event(PAGE_VIEW, user, sessionId, ts, "/", null, user.ip(), home, null));
                steps.add(ts -> factory.event(PAGE_VIEW, user, sessionId, ts, "/", null, user.ip(), abroad, null));
            }
            case BLIND_PURCHASE -> {
                // a modest amount, so that only the missing activity stands out
                BigDecimal amount = factory.amount(20, 200);
                steps.add(ts -> purchase(user, sessionId, ts, user.ip(), home, amount));
            }
        }
        return steps;
    }

    private UserActivityEvent purchase(SimUser user, String sessionId, Instant ts, String ip, Location location,
                                       BigDecimal amount) {
        EventProperties props = EventFactory.purchase(amount, 1, factory.newId());
        return factory.event(PURCHASE, user, sessionId, ts, "/checkout", null, ip, location, props);
    }
}
