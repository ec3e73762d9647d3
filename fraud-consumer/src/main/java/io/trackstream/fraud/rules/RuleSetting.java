package io.trackstream.fraud.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one rule stands: on or off, and the value of each of its parameters as text. This is what
 * the {@code fraud-rules} topic carries (as JSON, key = the rule name) and what the API shows.
 *
 * @param enabled whether the rule raises alerts
 * @param params parameter name to value, every parameter of the rule
 */
public record RuleSetting(boolean enabled, Map<String, String> params) {

    public RuleSetting {
        params = Map.copyOf(params == null ? Map.of() : params);
    }

    public BigDecimal amount(String name) {
        return new BigDecimal(params.get(name));
    }

    public int count(String name) {
        return Integer.parseInt(params.get(name));
    }

    public Duration duration(String name) {
        return Duration.parse(params.get(name));
    }

    /**
     * This setting with a change applied: {@code enabled} when given, the given parameters over the
     * current ones. The caller checked the change with {@link RuleSettings#violations}.
     */
    public RuleSetting with(Boolean enabled, Map<String, String> changed) {
        Map<String, String> merged = new LinkedHashMap<>(params);
        if (changed != null) {
            merged.putAll(changed);
        }
        return new RuleSetting(enabled == null ? this.enabled : enabled, merged);
    }
}
