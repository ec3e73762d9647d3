package io.trackstream.fraud.rules;

/** Where the rules' settings live: the API reads and changes them through this. */
public interface RuleStore {

    /** Every rule as this instance currently applies it. */
    RuleBook current();

    /** Makes the setting the rule's, for every instance; returns once it is durably stored. */
    void save(Rule rule, RuleSetting setting);
}
