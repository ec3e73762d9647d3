package io.trackstream.fraud.detect;

import io.trackstream.fraud.rules.Rule;
import io.trackstream.fraud.rules.RuleBook;
import io.trackstream.fraud.rules.RuleSetting;
import io.trackstream.model.EventProperties;
import io.trackstream.model.KnownEventType;
import io.trackstream.model.UserActivityEvent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges one user's events against the rules and returns the alerts each raises, in two parts.
 * {@link #judgeAlone} holds the rules that need the one event alone (today HIGH_VALUE): nothing
 * earlier or later can change their verdict, so the processor runs them as soon as an event arrives,
 * in any order and even when it comes later than the grace, and their alerts need not wait for the
 * reorder buffer. {@link #judgeInOrder} holds the rules that compare events (velocity, IPs, places,
 * small-then-large, purchase-without-activity): they only give the right answer in event-time order,
 * so the processor calls it as events leave the buffer, and it updates the user's state.
 * Plain Java, no Kafka: the processor around it supplies the order, the state and the rules. One
 * alert per rule and episode: a velocity burst or a set of IPs alerts when it first crosses the
 * threshold and again only after it fell below; a session alerts PURCHASE_WITHOUT_ACTIVITY once; a
 * small purchase pairs with one large one; HIGH_VALUE alerts each purchase.
 */
final class Judge {

    private static final String PURCHASE = KnownEventType.PURCHASE.wireName();
    private static final String NO_CURRENCY = "XXX";

    private final Places places;

    Judge(Places places) {
        this.places = places;
    }

    /**
     * Whether a single-event rule looks at this event at all (HIGH_VALUE: purchases only), so the
     * processor reads the rules, and calls {@link #judgeAlone}, only for those events.
     */
    static boolean concernsSingleEventRules(UserActivityEvent e) {
        return PURCHASE.equals(e.eventType());
    }

    /**
     * The rules that need this event alone, whatever came before or after it; touches no state.
     * Called once per event (the stream is deduplicated upstream), so HIGH_VALUE alerts each
     * purchase once.
     */
    List<FraudAlert> judgeAlone(RuleBook rules, UserActivityEvent e, Instant detectedAt) {
        if (!concernsSingleEventRules(e)) {
            return List.of();
        }
        Alerts alerts = new Alerts(e, detectedAt, rules);
        Optional<BigDecimal> worth = worth(e.properties());
        RuleSetting high = rules.get(Rule.HIGH_VALUE);
        if (worth.isPresent() && worth.get().compareTo(high.amount("amount")) >= 0) {
            alerts.raise(Rule.HIGH_VALUE, List.of(), Map.of("amount", Map.of(currency(e), worth.get().toPlainString()),
                    "threshold", high.params().get("amount")));
        }
        return alerts.raised;
    }

    /**
     * The rules that compare events, for an event taken in event-time order: updates the user's state.
     *
     * @param arrivedBefore how many events of the event's session were received before it (-1 when
     *        unknown): with a skewed clock a purchase can be stamped before browsing that reached us
     *        earlier, and that browsing still counts as activity before it
     */
    List<FraudAlert> judgeInOrder(RuleBook rules, UserActivityEvent e, int arrivedBefore, UserState s, Instant detectedAt) {
        Alerts alerts = new Alerts(e, detectedAt, rules);
        long ts = e.timestamp().toEpochMilli();
        if (e.location() != null && e.location().country() != null && !e.location().country().isBlank()) {
            judgePlace(rules, e, s, ts, alerts);
        }
        if (e.ipAddress() != null) {
            judgeIps(rules.get(Rule.MULTIPLE_IPS), e, s, ts, alerts);
        }
        if (PURCHASE.equals(e.eventType())) {
            judgePurchase(rules, e, arrivedBefore, s, ts, alerts);
        }
        if (e.sessionId() != null) {
            s.sawSessionEvent(e.sessionId(), ts);
        }
        s.recent.add(ts);
        s.lastTs = Math.max(s.lastTs, ts);
        if (s.recent.size() > UserState.MAX_RECENT) {
            s.recent.remove(0);
        }
        return alerts.raised;
    }

    /** What a purchase is worth: cart_value, else price x quantity (1 when absent); empty when neither is known. */
    static Optional<BigDecimal> worth(EventProperties p) {
        if (p == null) {
            return Optional.empty();
        }
        if (p.cartValue() != null) {
            return Optional.of(p.cartValue());
        }
        if (p.price() != null) {
            return Optional.of(p.price().multiply(BigDecimal.valueOf(p.quantity() == null ? 1 : p.quantity())));
        }
        return Optional.empty();
    }

    private static String currency(UserActivityEvent e) {
        return e.properties() == null || e.properties().currency() == null ? NO_CURRENCY : e.properties().currency();
    }

    private void judgePlace(RuleBook rules, UserActivityEvent e, UserState s, long ts, Alerts alerts) {
        String country = e.location().country();
        String city = e.location().city();
        UserState.Seen prev = s.lastPlace;
        if (prev != null && ts >= prev.ts()) {
            long dt = ts - prev.ts();
            RuleSetting rapid = rules.get(Rule.RAPID_LOCATION_CHANGE);
            if (!prev.country().equalsIgnoreCase(country) && dt < rapid.duration("window").toMillis()) {
                alerts.raise(Rule.RAPID_LOCATION_CHANGE, List.of(prev.eventId()), Map.of(
                        "from", place(prev.country(), prev.city()), "to", place(country, city),
                        "minutes", round(dt / 60_000.0, 2)));
            }
            travel(rules.get(Rule.IMPOSSIBLE_TRAVEL), prev, country, city, dt, alerts);
        }
        if (prev == null || ts >= prev.ts()) {
            s.lastPlace = new UserState.Seen(ts, e.eventId(), country, city);
        }
    }

    private void travel(RuleSetting rule, UserState.Seen prev, String country, String city, long dt, Alerts alerts) {
        Optional<Places.Point> from = places.locate(prev.country(), prev.city());
        Optional<Places.Point> to = places.locate(country, city);
        if (from.isEmpty() || to.isEmpty()) {
            return;
        }
        // A country's centroid says nothing about where in that country someone is.
        if (prev.country().equalsIgnoreCase(country) && (from.get().countryOnly() || to.get().countryOnly())) {
            return;
        }
        double km = from.get().distanceKm(to.get());
        double hours = dt / 3_600_000.0;
        double speed = hours == 0 ? Double.POSITIVE_INFINITY : km / hours;
        if (km > 0 && speed > rule.amount("speed_kmh").doubleValue()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", place(prev.country(), prev.city()));
            details.put("to", place(country, city));
            details.put("distance_km", round(km, 1));
            details.put("seconds", round(dt / 1000.0, 3));
            details.put("speed_kmh", Double.isInfinite(speed) ? "infinite" : round(speed, 1));
            alerts.raise(Rule.IMPOSSIBLE_TRAVEL, List.of(prev.eventId()), details);
        }
    }

    private void judgeIps(RuleSetting rule, UserActivityEvent e, UserState s, long ts, Alerts alerts) {
        s.ips.remove(e.ipAddress());
        s.ips.put(e.ipAddress(), new UserState.Stamp(ts, e.eventId()));
        long from = ts - rule.duration("window").toMillis();
        s.ips.values().removeIf(stamp -> stamp.ts() < from);
        UserState.trimOldest(s.ips, UserState.MAX_IPS);
        boolean over = s.ips.size() >= rule.count("count");
        if (over && !s.ipsOpen) {
            List<String> earlier = s.ips.values().stream().map(UserState.Stamp::eventId).filter(id -> !id.equals(e.eventId())).toList();
            alerts.raise(Rule.MULTIPLE_IPS, earlier, Map.of("ips", List.copyOf(s.ips.keySet()), "count", s.ips.size(),
                    "window", rule.params().get("window")));
        }
        s.ipsOpen = over;
    }

    private void judgePurchase(RuleBook rules, UserActivityEvent e, int arrivedBefore, UserState s, long ts, Alerts alerts) {
        Optional<BigDecimal> worth = worth(e.properties());
        String currency = currency(e);

        RuleSetting velocity = rules.get(Rule.HIGH_VELOCITY);
        s.purchases.add(new UserState.Stamp(ts, e.eventId()));
        long from = ts - velocity.duration("window").toMillis();
        s.purchases.removeIf(p -> p.ts() < from);
        while (s.purchases.size() > UserState.MAX_PURCHASES) {
            s.purchases.remove(0);
        }
        boolean burst = s.purchases.size() >= velocity.count("count");
        if (burst && !s.velocityOpen) {
            List<String> ids = s.purchases.stream().map(UserState.Stamp::eventId).filter(id -> !id.equals(e.eventId())).toList();
            alerts.raise(Rule.HIGH_VELOCITY, ids, Map.of("count", s.purchases.size(), "window", velocity.params().get("window")));
        }
        s.velocityOpen = burst;

        if (worth.isPresent()) {
            smallThenLarge(rules.get(Rule.SMALL_THEN_LARGE), e, s, ts, worth.get(), currency, alerts);
        }

        RuleSetting activity = rules.get(Rule.PURCHASE_WITHOUT_ACTIVITY);
        int earlier;
        boolean alerted = false;
        if (e.sessionId() != null) {
            UserState.SessionSeen seen = s.sessions.get(e.sessionId());
            earlier = Math.max(arrivedBefore, seen == null ? 0 : seen.events());
            alerted = seen != null && seen.alerted();
        } else {
            long since = ts - activity.duration("window").toMillis();
            earlier = (int) s.recent.stream().filter(t -> t >= since && t <= ts).count();
        }
        if (earlier < activity.count("min_events") && !alerted) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("earlier_events", earlier);
            details.put("session_id", e.sessionId() == null ? "none" : e.sessionId());
            worth.ifPresent(w -> details.put("amount", Map.of(currency, w.toPlainString())));
            if (alerts.raise(Rule.PURCHASE_WITHOUT_ACTIVITY, List.of(), details) && e.sessionId() != null) {
                UserState.SessionSeen seen = s.sessions.get(e.sessionId());
                s.sessions.put(e.sessionId(), seen == null ? new UserState.SessionSeen(0, ts, true, 0)
                        : new UserState.SessionSeen(seen.events(), seen.lastTs(), true, seen.arrived()));
            }
        }
    }

    private void smallThenLarge(RuleSetting rule, UserActivityEvent e, UserState s, long ts, BigDecimal worth,
                                String currency, Alerts alerts) {
        UserState.Small small = s.small;
        if (small != null && ts - small.ts() <= rule.duration("window").toMillis()
                && worth.compareTo(rule.amount("large_amount")) >= 0) {
            alerts.raise(Rule.SMALL_THEN_LARGE, List.of(small.eventId()), Map.of(
                    "small", Map.of(small.currency(), small.amount()), "large", Map.of(currency, worth.toPlainString()),
                    "seconds", round((ts - small.ts()) / 1000.0, 3)));
            s.small = null;
        }
        if (worth.compareTo(rule.amount("small_amount")) < 0) {
            s.small = new UserState.Small(ts, e.eventId(), worth.toPlainString(), currency);
        }
    }

    private static Map<String, String> place(String country, String city) {
        Map<String, String> place = new LinkedHashMap<>();
        place.put("country", country);
        if (city != null) {
            place.put("city", city);
        }
        return place;
    }

    private static BigDecimal round(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    /** The alerts one event raises; a rule that is off raises none. */
    private static final class Alerts {
        private final UserActivityEvent event;
        private final Instant detectedAt;
        private final RuleBook rules;
        private final List<FraudAlert> raised = new ArrayList<>(1);

        Alerts(UserActivityEvent event, Instant detectedAt, RuleBook rules) {
            this.event = event;
            this.detectedAt = detectedAt;
            this.rules = rules;
        }

        boolean raise(Rule rule, List<String> earlierEventIds, Map<String, Object> details) {
            if (!rules.enabled(rule)) {
                return false;
            }
            List<String> ids = new ArrayList<>(earlierEventIds);
            ids.add(event.eventId());
            raised.add(new FraudAlert(FraudAlert.idFor(rule.name(), event.userId(), event.eventId()), rule.name(),
                    rule.severity().name(), event.userId(), ids, event.timestamp(), detectedAt, details));
            return true;
        }
    }
}
