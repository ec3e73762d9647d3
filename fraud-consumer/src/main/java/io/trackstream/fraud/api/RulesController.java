package io.trackstream.fraud.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.trackstream.fraud.FraudProperties;
import io.trackstream.fraud.rules.Rule;
import io.trackstream.fraud.rules.RuleBook;
import io.trackstream.fraud.rules.RuleParam;
import io.trackstream.fraud.rules.RuleSetting;
import io.trackstream.fraud.rules.RuleSettings;
import io.trackstream.fraud.rules.RuleStore;
import io.trackstream.model.ApiError;
import io.trackstream.model.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fraud rules: each with its parameters and switch, and live changes to them. A change goes to
 * the compacted {@code fraud-rules} topic and applies, on every instance, to the events judged after
 * it, without a restart.
 */
@RestController
class RulesController {

    static final String ADMIN_KEY_HEADER = "X-Admin-Key";

    /** A rule as it stands. */
    record RuleView(String rule, boolean enabled, String severity, String description, Map<String, String> params,
                    Map<String, String> defaults) {

        static RuleView of(Rule rule, RuleSetting setting) {
            Map<String, String> params = new LinkedHashMap<>();
            Map<String, String> defaults = new LinkedHashMap<>();
            for (RuleParam p : rule.params()) {
                params.put(p.name(), setting.params().get(p.name()));
                defaults.put(p.name(), p.defaultValue());
            }
            return new RuleView(rule.name(), setting.enabled(), rule.severity().name(), rule.description(), params, defaults);
        }
    }

    /** Every rule. */
    record RuleList(List<RuleView> rules) {
    }

    /**
     * A change: either part may be left out.
     *
     * @param enabled switch the rule on or off
     * @param params new values of some parameters, as strings (numbers are accepted too)
     */
    record RuleChange(Boolean enabled, Map<String, Object> params) {
    }

    private final RuleStore store;
    private final FraudProperties properties;

    RulesController(RuleStore store, FraudProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Operation(summary = "Every fraud rule with its parameters and whether it is on")
    @GetMapping("/api/v1/fraud/rules")
    RuleList rules() {
        RuleBook book = store.current();
        return new RuleList(Arrays.stream(Rule.values()).map(r -> RuleView.of(r, book.get(r))).toList());
    }

    @Operation(summary = "Change a rule's switch or parameters, live",
            description = "Parameters not given keep their value. Amounts are decimal strings, durations ISO-8601 (PT60S), "
                    + "counts integers. Applies within seconds to the events judged after it, on every instance.")
    @ApiResponse(responseCode = "200", description = "The rule as it stands now")
    @ApiResponse(responseCode = "400", description = "An unknown parameter or a bad value, named in detail",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "401", description = "An admin key is configured and X-Admin-Key is missing or wrong",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such rule",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @PutMapping("/api/v1/fraud/rules/{rule}")
    RuleView change(@PathVariable("rule") String name,
                    @Parameter(description = "the admin key, when one is configured")
                    @RequestHeader(name = ADMIN_KEY_HEADER, required = false) String adminKey,
                    @RequestBody RuleChange change) {
        requireAdmin(adminKey);
        Rule rule = Rule.named(name).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Unknown rule " + name,
                List.of(new Violation("rule", "is not a rule (known: "
                        + String.join(", ", Arrays.stream(Rule.values()).map(Rule::name).toList()) + ")"))));
        Map<String, String> params = RuleSettings.asText(change.params());
        List<Violation> violations = RuleSettings.violations(rule, params);
        if (!violations.isEmpty()) {
            throw ApiException.badRequest(violations);
        }
        RuleSetting updated = store.current().get(rule).with(change.enabled(), params);
        store.save(rule, updated);
        return RuleView.of(rule, updated);
    }

    private void requireAdmin(String given) {
        String expected = properties.adminKey();
        if (expected == null) {
            return;
        }
        boolean ok = given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Changing a rule needs the admin key",
                    List.of(new Violation(ADMIN_KEY_HEADER, given == null ? "is required" : "is not the admin key")));
        }
    }
}
