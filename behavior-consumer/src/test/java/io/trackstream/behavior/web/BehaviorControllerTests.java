package io.trackstream.behavior.web;

import io.trackstream.behavior.store.BehaviorReader;
import io.trackstream.behavior.stream.DailyPartial;
import io.trackstream.behavior.stream.Profile;
import io.trackstream.behavior.stream.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The behaviour API's web slice over an in-memory reader: shapes, 404 and the 400s that name the parameter. */
@WebMvcTest(BehaviorController.class)
@Import({WebConfiguration.class, BehaviorControllerTests.Beans.class})
class BehaviorControllerTests {

    static final Instant NOW = Instant.parse("2026-01-06T12:00:00Z");

    @TestConfiguration
    static class Beans {
        @Bean
        BehaviorReader reader() {
            return new FakeReader();
        }

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void servesAProfileInSnakeCaseWithMoneyAsDecimalStrings() throws Exception {
        mvc.perform(get("/api/v1/users/u-1/profile"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user_id").value("u-1"))
                .andExpect(jsonPath("$.total_events").value(3))
                .andExpect(jsonPath("$.total_purchases").value(2))
                .andExpect(jsonPath("$.total_spent.USD").value("80.00"))
                .andExpect(jsonPath("$.last_active").value("2026-01-05T10:05:00.000Z"))
                .andExpect(jsonPath("$.engagement_score").value(11.5))
                .andExpect(jsonPath("$.events_by_type.purchase").value(2));
    }

    @Test
    void answersAnUnknownUserWith404AndAMessage() throws Exception {
        mvc.perform(get("/api/v1/users/nobody/profile"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("nobody")));
    }

    @Test
    void servesSessionsNewestFirstWithTheirCursor() throws Exception {
        mvc.perform(get("/api/v1/users/u-1/sessions?limit=1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions[0].session_id").value("s-1"))
                .andExpect(jsonPath("$.sessions[0].revenue.USD").value("80.00"))
                .andExpect(jsonPath("$.sessions[0].entry_page").value("/"))
                .andExpect(jsonPath("$.next_cursor").value("next"));
    }

    @Test
    void servesTheDaysInsightsSummedOverPartitions() throws Exception {
        mvc.perform(get("/api/v1/behavior/paths?date=2026-01-05"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions").value(3))
                .andExpect(jsonPath("$.paths[0].path[1]").value("/p/:id"))
                .andExpect(jsonPath("$.paths[0].sessions").value(3));
        mvc.perform(get("/api/v1/behavior/transitions?date=2026-01-05&limit=1"))
                .andExpect(jsonPath("$.transitions[0].from").value("/"))
                .andExpect(jsonPath("$.transitions[0].to").value("/p/:id"))
                .andExpect(jsonPath("$.transitions[0].count").value(3));
        mvc.perform(get("/api/v1/behavior/dropoffs?date=2026-01-05"))
                .andExpect(jsonPath("$.dropoffs[0].page").value("/p/:id"))
                .andExpect(jsonPath("$.dropoffs[0].exit_rate").value(0.5))
                .andExpect(jsonPath("$.cart_abandonment.sessions_with_cart").value(2));
        mvc.perform(get("/api/v1/behavior/segments?date=2026-01-05"))
                .andExpect(jsonPath("$.segments.buyer.users").value(2))
                .andExpect(jsonPath("$.segments.buyer.device_share.mobile").value(1.0));
        mvc.perform(get("/api/v1/behavior/time-to-purchase"))
                .andExpect(jsonPath("$.date").value("2026-01-06"))
                .andExpect(jsonPath("$.purchasing_sessions").value(0));
    }

    @Test
    void namesTheBadParameter() throws Exception {
        mvc.perform(get("/api/v1/behavior/paths?date=05-01-2026"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail[0].field").value("date"));
        mvc.perform(get("/api/v1/behavior/transitions?limit=51"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail[0].field").value("limit"));
        mvc.perform(get("/api/v1/behavior/paths?limit=many"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail[0].field").value("limit"))
                .andExpect(jsonPath("$.detail[0].error").value("must be an integer"));
        mvc.perform(get("/api/v1/users/u-1/sessions?limit=0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail[0].field").value("limit"));
        mvc.perform(get("/api/v1/users/u-1/sessions?cursor=forged"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail[0].field").value("cursor"));
    }

    /** Three sessions of one day over two partitions, one profile. */
    static final class FakeReader implements BehaviorReader {

        @Override
        public Optional<Profile> profile(String userId) {
            if (!userId.equals("u-1")) {
                return Optional.empty();
            }
            Profile p = new Profile();
            p.userId = "u-1";
            p.totalEvents = 3;
            p.eventsByType = new TreeMap<>(Map.of("click", 1L, "purchase", 2L));
            p.totalPurchases = 2;
            p.totalSpent = new TreeMap<>(Map.of("USD", new BigDecimal("80.00")));
            p.firstSeen = Instant.parse("2026-01-05T10:00:00Z");
            p.lastActive = Instant.parse("2026-01-05T10:05:00Z");
            return Optional.of(p);
        }

        @Override
        public SessionPage sessions(String userId, int limit, String cursor) {
            if ("forged".equals(cursor)) {
                throw new IllegalArgumentException("not ours");
            }
            Session s = new Session("s-1", userId, null, NOW, NOW, 0, Map.of("purchase", 1L), "/", "/", List.of("/"), true,
                    Map.of("USD", new BigDecimal("80.00")), NOW, "mobile", Map.of("/", 1L), Map.of());
            return new SessionPage(List.of(s), "next");
        }

        @Override
        public List<DailyPartial> day(LocalDate day) {
            if (!day.equals(LocalDate.parse("2026-01-05"))) {
                return List.of();
            }
            return List.of(partial(0, 2, "buyer"), partial(1, 1, "researcher"));
        }

        private static DailyPartial partial(int partition, int sessions, String segment) {
            DailyPartial d = new DailyPartial();
            d.day = "2026-01-05";
            d.partition = partition;
            d.sessions = sessions;
            d.withCart = 1;
            d.cartAbandoned = 1;
            d.paths.put("/ -> /p/:id", (long) sessions);
            d.transitions.put("/ -> /p/:id", (long) sessions);
            d.views.put("/p/:id", 2L * sessions);
            d.exits.put("/p/:id", (long) sessions);
            for (int i = 0; i < sessions; i++) {
                DailyPartial.UserDay u = new DailyPartial.UserDay();
                u.segment = segment;
                u.devices.put("mobile", 1L);
                d.users.put("u-" + partition + "-" + i, u);
            }
            return d;
        }
    }
}
