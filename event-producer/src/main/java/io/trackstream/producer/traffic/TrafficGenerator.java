package io.trackstream.producer.traffic;

import io.trackstream.model.KnownEventType;
import io.trackstream.model.UserActivityEvent;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Function;

/**
 * The simulated traffic, one event per {@link #next()} call: a pool of concurrent shopper sessions,
 * steered to the target mix, with injected fraud cases, late events and duplicates. Everything is
 * drawn from one {@link Random} seeded from the settings and timestamps come from the
 * {@link EventClock}, so a seed reproduces the stream. Not thread-safe: one thread drives it.
 */
public final class TrafficGenerator {

    private static final KnownEventType[] TYPES = {KnownEventType.PAGE_VIEW, KnownEventType.CLICK,
            KnownEventType.SEARCH, KnownEventType.ADD_TO_CART, KnownEventType.PURCHASE};
    private static final String[] CLICK_TARGETS = {"nav", "banner", "filter", "sort", "image", "review", "recommendation"};
    private static final FraudPattern[] PATTERNS = FraudPattern.values();
    // A session ends when the user's next pause would exceed the inactivity timeout; this is the
    // chance of such a pause after any event.
    private static final double IDLE_CHANCE = 0.03;
    private static final int MAX_DUPLICATE_DELAY = 20;

    private final TrafficSettings settings;
    private final EventClock clock;
    private final Random random;
    private final EventFactory factory;
    private final Catalog catalog;
    private final UserFactory users;
    private final FraudInjector fraud;
    private final MixController mix = new MixController();
    private final GroundTruthRecorder truth;
    // Open sessions by when their next event is due: the generator emits the most overdue one.
    private final PriorityQueue<Session> sessions = new PriorityQueue<>(
            java.util.Comparator.comparingLong((Session s) -> s.dueAtMs).thenComparingLong(s -> s.order));
    // users (by index) with an open session; a bit set, because at high rates every user is in one
    private final java.util.BitSet activeUsers = new java.util.BitSet();
    private final PriorityQueue<Pending> duplicates = new PriorityQueue<>();
    private final Deque<Function<Instant, UserActivityEvent>> fraudSteps = new ArrayDeque<>();
    private final int poolSize;
    private final double msPerEvent;
    private long sessionsStarted;
    private GroundTruthRecorder.MutableCase currentCase;
    private long sequence;
    private long fraudCases;

    public TrafficGenerator(TrafficSettings settings, EventClock clock) {
        this.settings = settings;
        this.clock = clock;
        this.random = new Random(settings.seed());
        this.factory = new EventFactory(random);
        this.catalog = new Catalog(settings.seed(), 250);
        this.users = new UserFactory(settings.seed());
        this.fraud = new FraudInjector(random, factory, catalog);
        this.truth = new GroundTruthRecorder(settings.seed());
        this.poolSize = settings.openSessions();
        this.msPerEvent = 1000 / settings.eventsPerSecond();
    }

    /** The ground truth of what was emitted so far. */
    public GroundTruth groundTruth() {
        return truth.snapshot(sessions.stream()
                .filter(s -> s.start != null)
                .map(s -> new SessionTimes(s.id, s.user.id(), s.start, s.last, s.firstPurchase)).toList());
    }

    /** The next event to send. */
    public UserActivityEvent next() {
        long seq = sequence++;
        Pending due = duplicates.peek();
        if (due != null && due.dueAt <= seq) {
            duplicates.poll();
            truth.duplicate(due.event);
            return due.event;
        }
        Instant now = clock.at(seq);
        if (fraudSteps.isEmpty() && random.nextDouble() < settings.fraudFraction()) {
            startFraudCase();
        }
        if (!fraudSteps.isEmpty()) {
            UserActivityEvent event = fraudSteps.poll().apply(now);
            currentCase.emitted(event);
            return emitted(event, false);
        }
        UserActivityEvent event = sessionStep(seq, now);
        boolean late = random.nextDouble() < settings.lateFraction();
        if (late) {
            long lateness = 1 + (long) (random.nextDouble() * settings.maxLateness().toMillis());
            event = EventFactory.withTimestamp(event, now.minusMillis(lateness));
        }
        if (random.nextDouble() < settings.duplicateFraction()) {
            duplicates.add(new Pending(seq + 1 + random.nextInt(MAX_DUPLICATE_DELAY), seq, event));
        }
        return emitted(event, late);
    }

    private UserActivityEvent emitted(UserActivityEvent event, boolean late) {
        mix.emitted(event.eventType());
        truth.event(event, late);
        return event;
    }

    private void startFraudCase() {
        FraudPattern pattern = PATTERNS[(int) (fraudCases++ % PATTERNS.length)];
        SimUser user = users.user(1 + random.nextInt(settings.users()));
        String sessionId = factory.newId();
        fraudSteps.addAll(fraud.script(pattern, user, sessionId));
        currentCase = truth.startCase(pattern, user.id(), sessionId, fraudSteps.size());
    }

    /*
     * Think time: each open session's next event is due a think time (drawn per segment) after its
     * last one, and the generator emits the session that is due first. Scheduling runs on the
     * generator's own time (event n at n / eventsPerSecond), not on the clock, so the stream is the
     * same under the real clock and the simulated one. With as many sessions open as the rate needs
     * (eventsPerSecond × mean think time) the session due first is due about now, so the gaps seen
     * in the events are the drawn think times; capped by the users, they come shorter.
     */
    private UserActivityEvent sessionStep(long seq, Instant now) {
        long nowMs = (long) (seq * msPerEvent);
        while (sessions.size() < poolSize) {
            // the first visitors arrive spread over one think time, not all at once
            Session fresh = newSession(nowMs);
            fresh.dueAtMs = nowMs + fresh.user.segment().thinkMs(random);
            sessions.add(fresh);
        }
        Session s = sessions.poll();
        KnownEventType type = s.events == 0 ? KnownEventType.PAGE_VIEW : nextType(s);
        UserActivityEvent event = switch (type) {
            case CLICK -> click(s, now);
            case SEARCH -> search(s, now);
            case ADD_TO_CART -> addToCart(s, now);
            case PURCHASE -> purchase(s, now);
            default -> pageView(s, now);
        };
        s.events++;
        s.emittedAt(now, type == KnownEventType.PURCHASE);
        // Shoppers with a full cart mostly check out before leaving: a session with items in its cart
        // only ends at twice its length, so few carts are abandoned and purchases keep up with adds.
        boolean idle = random.nextDouble() < IDLE_CHANCE;
        boolean ends = s.cart.isEmpty()
                ? s.events >= s.maxEvents || idle || (type == KnownEventType.PURCHASE && random.nextBoolean())
                : s.events >= 2 * s.maxEvents;
        if (ends) {
            activeUsers.clear(UserFactory.index(s.user.id()));
            truth.sessionEnded(s.id, s.user.id(), s.start, s.last, s.firstPurchase);
            Session next = newSession(nowMs);
            next.dueAtMs = nowMs + next.user.segment().thinkMs(random);
            sessions.add(next);
        } else {
            s.dueAtMs = Math.max(s.dueAtMs, nowMs) + s.user.segment().thinkMs(random);
            sessions.add(s);
        }
        return event;
    }

    private Session newSession(long nowMs) {
        int index;
        int attempts = 0;
        do {
            index = 1 + random.nextInt(settings.users());
        } while (activeUsers.get(index) && ++attempts < 10);
        if (activeUsers.get(index) && activeUsers.cardinality() < settings.users()) {
            // nearly every user is in a session: take the next one who is not
            index = activeUsers.nextClearBit(index);
            if (index > settings.users()) {
                index = activeUsers.nextClearBit(1);
            }
        }
        activeUsers.set(index);
        SimUser user = users.user(index);
        Segment segment = user.segment();
        int maxEvents = segment.minEvents() + random.nextInt(segment.maxEvents() - segment.minEvents() + 1);
        return new Session(factory.newId(), user, maxEvents, sessionsStarted++, nowMs);
    }

    private KnownEventType nextType(Session s) {
        double[] weights = new double[TYPES.length];
        double sum = 0;
        for (int i = 0; i < TYPES.length; i++) {
            KnownEventType t = TYPES[i];
            boolean allowed = switch (t) {
                case ADD_TO_CART -> s.canAddToCart();
                case PURCHASE -> s.canPurchase();
                default -> true;
            };
            weights[i] = allowed ? s.user.segment().weight(t) * mix.correction(t) * cartPull(s, t) : 0;
            sum += weights[i];
        }
        double r = random.nextDouble() * sum;
        for (int i = 0; i < TYPES.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return TYPES[i];
            }
        }
        return KnownEventType.PAGE_VIEW;
    }

    // A shopper with something in the cart heads for the checkout, searching first if they have not.
    private static double cartPull(Session s, KnownEventType type) {
        if (s.cart.isEmpty()) {
            return 1;
        }
        return switch (type) {
            case PURCHASE -> 3;
            case SEARCH -> s.searched ? 1 : 3;
            default -> 1;
        };
    }

    private UserActivityEvent pageView(Session s, Instant now) {
        String referrer = s.url;
        double r = random.nextDouble();
        switch (s.page) {
            case NONE -> s.goTo(Session.Page.HOME, "/", null, null);
            case HOME -> {
                if (r < 0.6) {
                    toCategory(s, catalog.randomProduct(random).categorySlug());
                } else {
                    toProduct(s, catalog.randomProduct(random));
                }
            }
            case CATEGORY -> {
                if (r < 0.7) {
                    toProduct(s, catalog.randomProductIn(s.categorySlug, random));
                } else if (r < 0.9) {
                    toCategory(s, catalog.randomProduct(random).categorySlug());
                } else {
                    s.goTo(Session.Page.HOME, "/", null, null);
                }
            }
            case PRODUCT -> {
                if (r < 0.5) {
                    toProduct(s, catalog.randomProductIn(s.product.categorySlug(), random));
                } else if (r < 0.9) {
                    toCategory(s, s.product.categorySlug());
                } else {
                    s.goTo(Session.Page.HOME, "/", null, null);
                }
            }
            case SEARCH -> {
                if (r < 0.85) {
                    toProduct(s, catalog.randomProduct(random));
                } else {
                    s.goTo(Session.Page.HOME, "/", null, null);
                }
            }
        }
        var props = switch (s.page) {
            case PRODUCT -> EventFactory.product(s.product);
            case CATEGORY -> EventFactory.category(s.categorySlug);
            default -> null;
        };
        return event(KnownEventType.PAGE_VIEW, s, now, referrer, props);
    }

    private void toProduct(Session s, Product p) {
        s.goTo(Session.Page.PRODUCT, p.path(), p, p.categorySlug());
    }

    private void toCategory(Session s, String slug) {
        s.goTo(Session.Page.CATEGORY, "/c/" + slug, null, slug);
    }

    private UserActivityEvent click(Session s, Instant now) {
        String target = CLICK_TARGETS[random.nextInt(CLICK_TARGETS.length)];
        return event(KnownEventType.CLICK, s, now, null, EventFactory.click(s.product, target));
    }

    private UserActivityEvent search(Session s, Instant now) {
        String referrer = s.url;
        String term = catalog.searchTerm(random);
        s.searched = true;
        s.goTo(Session.Page.SEARCH, "/search?q=" + URLEncoder.encode(term, StandardCharsets.UTF_8), null, null);
        return event(KnownEventType.SEARCH, s, now, referrer, EventFactory.search(term));
    }

    private UserActivityEvent addToCart(Session s, Instant now) {
        s.add(s.product);
        return event(KnownEventType.ADD_TO_CART, s, now, null, EventFactory.addToCart(s.product, s.cartValue));
    }

    private UserActivityEvent purchase(Session s, Instant now) {
        var props = EventFactory.purchase(s.cartValue, s.cart.size(), factory.newId());
        s.emptyCart();
        String referrer = s.url;
        s.goTo(Session.Page.HOME, "/checkout/complete", null, null);
        return event(KnownEventType.PURCHASE, s, now, referrer, props);
    }

    private UserActivityEvent event(KnownEventType type, Session s, Instant now, String referrer,
                                    io.trackstream.model.EventProperties props) {
        return factory.event(type.wireName(), s.user, s.id, now, s.url, referrer, s.user.ip(), s.user.location(), props);
    }

    /** A duplicate waiting for its turn; ordered by due position, then by original position. */
    private record Pending(long dueAt, long original, UserActivityEvent event) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int c = Long.compare(dueAt, o.dueAt);
            return c != 0 ? c : Long.compare(original, o.original);
        }
    }
}
