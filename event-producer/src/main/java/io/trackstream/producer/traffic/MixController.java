package io.trackstream.producer.traffic;

import io.trackstream.model.KnownEventType;

import java.util.EnumMap;
import java.util.Map;

/**
 * Steers the emitted mix of event types towards the target: the weight of a type the stream has too
 * little of is raised, of one it has too much of lowered. It counts what was emitted, not what was
 * drawn, so the constraints of the session state machine (no purchase with an empty cart, ...) are
 * corrected for too.
 */
final class MixController {

    static final Map<KnownEventType, Double> TARGET = Map.of(
            KnownEventType.PAGE_VIEW, 0.60,
            KnownEventType.CLICK, 0.25,
            KnownEventType.SEARCH, 0.10,
            KnownEventType.ADD_TO_CART, 0.03,
            KnownEventType.PURCHASE, 0.02);

    // A prior of this many events at the target mix keeps the first corrections gentle.
    private static final double PRIOR = 200;

    private static final double GAIN = 40;

    private final Map<KnownEventType, Long> counts = new EnumMap<>(KnownEventType.class);
    private long total;

    void emitted(String eventType) {
        KnownEventType.fromWire(eventType).filter(TARGET::containsKey).ifPresent(type -> {
            counts.merge(type, 1L, Long::sum);
            total++;
        });
    }

    /** The factor to multiply the base weight of {@code type} by, between 1/50 and 50. */
    double correction(KnownEventType type) {
        double target = TARGET.getOrDefault(type, 0.0);
        if (target == 0) {
            return 0;
        }
        double share = (counts.getOrDefault(type, 0L) + PRIOR * target) / (total + PRIOR);
        // Exponential in the relative error: a 5 % shortfall multiplies the weight by 7, so the constrained
        // types (add to cart, purchase) catch up whenever a session allows them.
        double factor = Math.exp(GAIN * (target - share) / target);
        return Math.max(0.02, Math.min(50, factor));
    }
}
