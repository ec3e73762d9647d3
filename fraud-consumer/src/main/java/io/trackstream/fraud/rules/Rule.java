package io.trackstream.fraud.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fraud rules, each with its severity and its parameters' defaults (the thresholds).
 * Parameter values are text: amounts as decimal strings, durations as ISO-8601, counts as integers.
 */
public enum Rule {

    HIGH_VALUE(Severity.MEDIUM, "a purchase worth at least amount (cart_value, else price x quantity)",
            RuleParam.amount("amount", "500.00")),
    HIGH_VELOCITY(Severity.HIGH, "count or more purchases within window of event time",
            RuleParam.count("count", 5), RuleParam.duration("window", "PT60S")),
    MULTIPLE_IPS(Severity.MEDIUM, "count or more distinct ip_address values within window",
            RuleParam.count("count", 3), RuleParam.duration("window", "PT1H")),
    RAPID_LOCATION_CHANGE(Severity.MEDIUM, "location.country differs between two events less than window apart",
            RuleParam.duration("window", "PT10M")),
    IMPOSSIBLE_TRAVEL(Severity.HIGH, "two events' places farther apart than speed_kmh allows for the time between them",
            RuleParam.amount("speed_kmh", "1000")),
    PURCHASE_WITHOUT_ACTIVITY(Severity.LOW,
            "a purchase with fewer than min_events earlier events in its session (without a session: within window)",
            RuleParam.count("min_events", 3), RuleParam.duration("window", "PT30M")),
    SMALL_THEN_LARGE(Severity.HIGH, "a purchase under small_amount followed within window by one of large_amount or more",
            RuleParam.amount("small_amount", "1.00"), RuleParam.amount("large_amount", "500.00"),
            RuleParam.duration("window", "PT60S"));

    /** How urgent an alert of the rule is. */
    public enum Severity { LOW, MEDIUM, HIGH }

    private final Severity severity;
    private final String description;
    private final Map<String, RuleParam> params = new LinkedHashMap<>();

    Rule(Severity severity, String description, RuleParam... params) {
        this.severity = severity;
        this.description = description;
        for (RuleParam p : params) {
            this.params.put(p.name(), p);
        }
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }

    public Optional<RuleParam> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public List<RuleParam> params() {
        return List.copyOf(params.values());
    }

    /** The rule's settings when nobody changed them: on, every parameter at its default. */
    public RuleSetting defaults() {
        Map<String, String> values = new LinkedHashMap<>();
        params.values().forEach(p -> values.put(p.name(), p.defaultValue()));
        return new RuleSetting(true, values);
    }

    /** The rule of this name, exactly as the enum spells it. */
    public static Optional<Rule> named(String name) {
        for (Rule r : values()) {
            if (r.name().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
