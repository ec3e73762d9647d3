package io.trackstream.fraud.rules;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Every rule's current setting at one moment. Built from the raw texts of the rules topic; a
 * detector keeps one and rebuilds it only when a text changed, so reading the rules per event
 * costs a few map look-ups.
 */
public final class RuleBook {

    private final Map<Rule, String> raw;
    private final Map<Rule, RuleSetting> settings;

    private RuleBook(Map<Rule, String> raw) {
        this.raw = raw;
        this.settings = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) {
            settings.put(rule, RuleSettings.decode(rule, raw.get(rule)));
        }
    }

    /** Every rule at its defaults. */
    public static RuleBook defaults() {
        return new RuleBook(new EnumMap<>(Rule.class));
    }

    /**
     * The book for these raw texts (rule name to JSON, null for none); {@code this} when none
     * changed.
     */
    public RuleBook refreshed(Function<String, String> rawByName) {
        Map<Rule, String> now = new EnumMap<>(Rule.class);
        boolean changed = false;
        for (Rule rule : Rule.values()) {
            String text = rawByName.apply(rule.name());
            if (text != null) {
                now.put(rule, text);
            }
            changed |= !java.util.Objects.equals(text, raw.get(rule));
        }
        return changed ? new RuleBook(now) : this;
    }

    public RuleSetting get(Rule rule) {
        return settings.get(rule);
    }

    public boolean enabled(Rule rule) {
        return settings.get(rule).enabled();
    }
}
