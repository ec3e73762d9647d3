package io.trackstream.fraud.rules;

import io.trackstream.model.EventCodec;
import io.trackstream.model.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule settings' one text form (JSON {@code {"enabled":true,"params":{"amount":"750.00"}}}, as
 * on the {@code fraud-rules} topic) and their validation, shared by the API that writes them and the
 * detector that reads them.
 */
public final class RuleSettings {

    private static final Logger log = LoggerFactory.getLogger(RuleSettings.class);
    private static final JsonMapper MAPPER = EventCodec.create().mapper();

    private RuleSettings() {
    }

    /** Every broken rule of a proposed parameter change, each naming {@code params.<name>}. */
    public static List<Violation> violations(Rule rule, Map<String, String> params) {
        List<Violation> violations = new ArrayList<>();
        if (params == null) {
            return violations;
        }
        params.forEach((name, value) -> rule.param(name).ifPresentOrElse(
                p -> p.check(value).ifPresent(error -> violations.add(new Violation("params." + name, error))),
                () -> violations.add(new Violation("params." + name, "is not a parameter of " + rule
                        + " (known: " + String.join(", ", rule.params().stream().map(RuleParam::name).toList()) + ")"))));
        return violations;
    }

    /** A JSON parameter value as text: strings as they are, numbers in plain decimal notation. */
    public static Map<String, String> asText(Map<String, Object> params) {
        if (params == null) {
            return null;
        }
        Map<String, String> text = new LinkedHashMap<>();
        params.forEach((name, value) -> text.put(name, value instanceof BigDecimal d ? d.toPlainString()
                : value == null ? null : value.toString()));
        return text;
    }

    public static String encode(RuleSetting setting) {
        return MAPPER.writeValueAsString(setting);
    }

    /**
     * The setting a topic record holds; the defaults (with a warning) when the record is missing,
     * unreadable or breaks a rule, so a bad record can never switch detection into an unknown state.
     */
    public static RuleSetting decode(Rule rule, String json) {
        if (json == null) {
            return rule.defaults();
        }
        try {
            RuleSetting read = MAPPER.readValue(json, RuleSetting.class);
            List<Violation> violations = violations(rule, read.params());
            if (!violations.isEmpty()) {
                log.warn("ignoring the settings of {} on the rules topic: {}", rule, violations);
                return rule.defaults();
            }
            return rule.defaults().with(read.enabled(), read.params());
        } catch (JacksonException e) {
            log.warn("ignoring unreadable settings of {} on the rules topic: {}", rule, e.getOriginalMessage());
            return rule.defaults();
        }
    }
}
