package io.trackstream.producer.traffic;

import io.trackstream.model.UserActivityEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The injected cases match the fraud consumer's rules: each names its rule and crosses that rule's threshold. */
class FraudInjectorTests {

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    @Test
    void everyCaseNamesTheRuleThatMustDetectItAndCrossesItsThreshold() {
        TrafficSettings settings = new TrafficSettings(7, 500, 0.01, Duration.ofMinutes(10), 0.01, 0.02);
        TrafficGenerator generator = new TrafficGenerator(settings, EventClock.simulated(START, 200, 1));
        Map<String, UserActivityEvent> byId = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            UserActivityEvent e = generator.next();
            byId.putIfAbsent(e.eventId(), e);
        }
        List<FraudCase> cases = generator.groundTruth().fraudCases().stream().filter(FraudCase::complete).toList();

        assertThat(cases).extracting(FraudCase::pattern).contains(FraudPattern.values());
        for (FraudCase c : cases) {
            assertThat(c.rule()).isEqualTo(c.pattern().rule());
            List<UserActivityEvent> events = c.eventIds().stream().map(byId::get).toList();
            List<BigDecimal> amounts = events.stream().filter(e -> e.eventType().equals("purchase"))
                    .map(e -> e.properties().cartValue()).toList();
            switch (c.pattern()) {
                case TINY_THEN_LARGE -> {
                    assertThat(amounts.get(0)).isLessThan(BigDecimal.ONE);
                    assertThat(amounts.get(1)).isGreaterThanOrEqualTo(new BigDecimal("500.00"));
                }
                case COUNTRY_HOP -> {
                    assertThat(events).hasSize(2);
                    assertThat(events.get(0).location().country()).isNotEqualTo(events.get(1).location().country());
                }
                case BLIND_PURCHASE -> assertThat(events).singleElement().satisfies(e -> {
                    assertThat(e.eventType()).isEqualTo("purchase");
                    assertThat(e.properties().cartValue()).isLessThan(new BigDecimal("500.00"));
                });
                default -> assertThat(events).isNotEmpty();
            }
        }
    }
}
