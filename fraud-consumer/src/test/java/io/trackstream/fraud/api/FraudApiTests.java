package io.trackstream.fraud.api;

import io.trackstream.fraud.FraudProperties;
import io.trackstream.fraud.alerts.AlertReader;
import io.trackstream.fraud.rules.Rule;
import io.trackstream.fraud.rules.RuleBook;
import io.trackstream.fraud.rules.RuleSetting;
import io.trackstream.fraud.rules.RuleSettings;
import io.trackstream.fraud.rules.RuleStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The fraud API's web slice with a rule store in memory and an admin key configured: 200, 400, 401 and 404. */
@WebMvcTest(controllers = {RulesController.class, AlertsController.class})
@TestPropertySource(properties = "trackstream.fraud.admin-key=s3cret")
class FraudApiTests {

    private static final String KEY = "X-Admin-Key";

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(FraudProperties.class)
    static class Beans {

        @Bean
        MemoryRuleStore ruleStore() {
            return new MemoryRuleStore();
        }

        // the service's one JSON shape (CoreConfiguration): numbers in bodies stay exact decimals
        @Bean
        tools.jackson.databind.json.JsonMapper jsonMapper() {
            return io.trackstream.model.EventCodec.create().mapper();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
        }
    }

    /** Rules as the topic would hold them, in memory. */
    static final class MemoryRuleStore implements RuleStore {
        final Map<String, String> topic = new HashMap<>();

        @Override
        public RuleBook current() {
            return RuleBook.defaults().refreshed(topic::get);
        }

        @Override
        public void save(Rule rule, RuleSetting setting) {
            topic.put(rule.name(), RuleSettings.encode(setting));
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MemoryRuleStore store;

    @MockitoBean
    AlertReader reader;

    @BeforeEach
    void reset() {
        store.topic.clear();
    }

    private MvcTestResult put(String rule, String key, String body) {
        var request = mvc.put().uri("/api/v1/fraud/rules/" + rule).contentType(MediaType.APPLICATION_JSON).content(body);
        return key == null ? request.exchange() : request.header(KEY, key).exchange();
    }

    @Test
    void listsEveryRuleWithItsParametersAndSwitch() {
        assertThat(mvc.get().uri("/api/v1/fraud/rules")).hasStatus(200).bodyJson()
                .hasPathSatisfying("$.rules.length()", n -> assertThat(n).isEqualTo(Rule.values().length))
                .hasPathSatisfying("$.rules[0].rule", v -> assertThat(v).isEqualTo("HIGH_VALUE"))
                .hasPathSatisfying("$.rules[0].params.amount", v -> assertThat(v).isEqualTo("500.00"))
                .hasPathSatisfying("$.rules[0].enabled", v -> assertThat(v).isEqualTo(true));
    }

    @Test
    void changesAThresholdAndAnswersTheRuleAsItStands() {
        MvcTestResult result = put("HIGH_VALUE", "s3cret", "{\"enabled\":true,\"params\":{\"amount\":\"750.00\"}}");

        assertThat(result).hasStatus(200).bodyJson().extractingPath("$.params.amount").isEqualTo("750.00");
        assertThat(store.current().get(Rule.HIGH_VALUE).amount("amount")).isEqualByComparingTo("750.00");
        assertThat(put("HIGH_VALUE", "s3cret", "{\"enabled\":false}")).hasStatus(200).bodyJson()
                .hasPathSatisfying("$.enabled", v -> assertThat(v).isEqualTo(false))
                .hasPathSatisfying("$.params.amount", v -> assertThat(v).isEqualTo("750.00"));
    }

    @Test
    void answers401WithoutTheAdminKeyAndWithAWrongOne() {
        assertThat(put("HIGH_VALUE", null, "{\"enabled\":false}")).hasStatus(401).bodyJson()
                .hasPathSatisfying("$.detail[0].field", v -> assertThat(v).isEqualTo(KEY))
                .hasPathSatisfying("$.detail[0].error", v -> assertThat(v).isEqualTo("is required"));
        assertThat(put("HIGH_VALUE", "guess", "{\"enabled\":false}")).hasStatus(401);
        assertThat(store.topic).isEmpty();
    }

    @Test
    void answers404ForAnUnknownRule() {
        assertThat(put("NO_SUCH_RULE", "s3cret", "{\"enabled\":false}")).hasStatus(404).bodyJson()
                .extractingPath("$.detail[0].field").isEqualTo("rule");
    }

    @Test
    void answers400NamingAnUnknownParameter() {
        assertThat(put("HIGH_VALUE", "s3cret", "{\"params\":{\"amout\":\"750.00\"}}")).hasStatus(400).bodyJson()
                .hasPathSatisfying("$.detail[0].field", v -> assertThat(v).isEqualTo("params.amout"))
                .hasPathSatisfying("$.detail[0].error", v -> assertThat(v).asString().startsWith("is not a parameter of HIGH_VALUE"));
        assertThat(store.topic).isEmpty();
    }

    @Test
    void answers400NamingEachBadValue() {
        MvcTestResult result = put("HIGH_VELOCITY", "s3cret", "{\"params\":{\"count\":\"0\",\"window\":\"a minute\"}}");

        assertThat(result).hasStatus(400).bodyJson()
                .hasPathSatisfying("$.detail[*].field", v -> assertThat(v).asList().containsExactlyInAnyOrder("params.count", "params.window"));
        assertThat(put("HIGH_VALUE", "s3cret", "{\"params\":{\"amount\":\"-1\"}}")).hasStatus(400).bodyJson()
                .extractingPath("$.detail[0].field").isEqualTo("params.amount");
    }

    @Test
    void acceptsANumberForAnAmount() {
        assertThat(put("HIGH_VALUE", "s3cret", "{\"params\":{\"amount\":750.50}}")).hasStatus(200).bodyJson()
                .extractingPath("$.params.amount").isEqualTo("750.50");
    }

    @Test
    void answers400ForABodyThatIsNotJson() {
        assertThat(put("HIGH_VALUE", "s3cret", "enabled=false")).hasStatus(400).bodyJson()
                .extractingPath("$.detail[0].field").isEqualTo("body");
    }

    @Test
    void answers400NamingEachBadAlertsParameter() {
        assertThat(mvc.get().uri("/api/v1/fraud/alerts?date=20-11-2026&rule=NOPE&limit=0")).hasStatus(400).bodyJson()
                .hasPathSatisfying("$.detail[*].field", v -> assertThat(v).asList().containsExactly("date", "rule", "limit"));
        assertThat(mvc.get().uri("/api/v1/fraud/alerts?cursor=bm9wZQ")).hasStatus(400).bodyJson()
                .extractingPath("$.detail[0].field").isEqualTo("cursor");
        assertThat(mvc.get().uri("/api/v1/users/u-1/fraud-alerts?limit=1001")).hasStatus(400).bodyJson()
                .extractingPath("$.detail[0].field").isEqualTo("limit");
        assertThat(mvc.get().uri("/api/v1/users/u-1/fraud-alerts?limit=ten")).hasStatus(400).bodyJson()
                .extractingPath("$.detail[0].field").isEqualTo("limit");
    }
}
