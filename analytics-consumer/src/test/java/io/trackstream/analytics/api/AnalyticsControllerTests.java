package io.trackstream.analytics.api;

import io.trackstream.analytics.AnalyticsProperties;
import io.trackstream.analytics.compute.AnalyticsRows;
import io.trackstream.analytics.tables.RowSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web slice of the analytics API over fixed per-partition rows: sums over partitions, the JSON
 * shape, empty days with zeros, and a 400 naming each bad parameter.
 */
@WebMvcTest(AnalyticsController.class)
@Import({ApiConfiguration.class, AnalyticsControllerTests.Rows.class})
class AnalyticsControllerTests {

    private static final LocalDate DAY = LocalDate.parse("2026-01-05");

    @TestConfiguration
    @EnableConfigurationProperties(AnalyticsProperties.class)
    static class Rows {

        @Bean
        RowSource rows() {
            return new RowSource() {
                @Override
                public List<AnalyticsRows.Summary> summaries(String granularity, LocalDate day) {
                    if (!day.equals(DAY)) {
                        return List.of();
                    }
                    Instant start = Instant.parse("hour".equals(granularity) ? "2026-01-05T10:00:00Z" : "2026-01-05T00:00:00Z");
                    return List.of(
                            new AnalyticsRows.Summary(granularity, start, 0, Map.of("page_view", 3L, "purchase", 1L), 2,
                                    Map.of("USD", 1L), Map.of("USD", new BigDecimal("100.00")), 1),
                            new AnalyticsRows.Summary(granularity, start, 3, Map.of("page_view", 2L, "purchase", 1L), 1,
                                    Map.of("USD", 1L), Map.of("USD", new BigDecimal("23.45")), 0));
                }

                @Override
                public List<AnalyticsRows.Page> pages(LocalDate day) {
                    return day.equals(DAY) ? List.of(new AnalyticsRows.Page(DAY, 0, "/", 4), new AnalyticsRows.Page(DAY, 1, "/p/1", 3),
                            new AnalyticsRows.Page(DAY, 2, "/p/1", 3)) : List.of();
                }

                @Override
                public List<AnalyticsRows.Product> products(LocalDate day) {
                    return day.equals(DAY) ? List.of(
                            new AnalyticsRows.Product(DAY, 0, "p-1", "Lamp", "home", 5, 2, 1, Map.of("USD", new BigDecimal("12.50"))),
                            new AnalyticsRows.Product(DAY, 1, "p-1", "Lamp", "home", 1, 0, 1, Map.of("USD", new BigDecimal("12.50"))),
                            new AnalyticsRows.Product(DAY, 1, "p-2", "Desk", "home", 9, 0, 0, Map.of())) : List.of();
                }

                @Override
                public List<AnalyticsRows.Country> countries(LocalDate day) {
                    return day.equals(DAY) ? List.of(new AnalyticsRows.Country(DAY, 0, "US", 5, 2, Map.of("USD", new BigDecimal("7"))),
                            new AnalyticsRows.Country(DAY, 4, "US", 1, 1, Map.of()), new AnalyticsRows.Country(DAY, 4, "DE", 2, 1, Map.of()))
                            : List.of();
                }

                @Override
                public List<AnalyticsRows.FunnelStep> funnelSteps(LocalDate day) {
                    return day.equals(DAY) ? List.of(new AnalyticsRows.FunnelStep(DAY, 0, 1, "page_view", 2),
                            new AnalyticsRows.FunnelStep(DAY, 1, 1, "page_view", 1), new AnalyticsRows.FunnelStep(DAY, 0, 2, "click", 2),
                            new AnalyticsRows.FunnelStep(DAY, 0, 3, "purchase", 1)) : List.of();
                }

                @Override
                public List<AnalyticsRows.TopUser> topUsers(LocalDate day) {
                    return day.equals(DAY) ? List.of(new AnalyticsRows.TopUser(DAY, 0, 1, "u-9", 7),
                            new AnalyticsRows.TopUser(DAY, 0, 2, "u-1", 3), new AnalyticsRows.TopUser(DAY, 2, 1, "u-5", 5)) : List.of();
                }
            };
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    void sumsADaysSummaryOverPartitionsWithRevenueAndAovPerCurrency() {
        assertThat(mvc.get().uri("/api/v1/analytics/summary?from=2026-01-05&granularity=day")).hasStatusOk()
                .bodyJson().isLenientlyEqualTo("""
                        {"granularity":"day","buckets":[{"start":"2026-01-05T00:00:00.000Z",
                         "events":{"page_view":5,"purchase":2},"distinct_users":3,"orders":2,
                         "revenue":{"USD":"123.45"},"aov":{"USD":"61.73"},"late_dropped":1}]}""");
    }

    @Test
    void answersEveryHourOfARangeEmptyOnesWithZeros() {
        assertThat(mvc.get().uri("/api/v1/analytics/summary?from=2026-01-05T09:00:00Z&to=2026-01-05T11:00:00Z&granularity=hour"))
                .hasStatusOk().bodyJson().isLenientlyEqualTo("""
                        {"granularity":"hour","buckets":[
                         {"start":"2026-01-05T09:00:00.000Z","events":{},"distinct_users":0,"orders":0,"revenue":{},"aov":{}},
                         {"start":"2026-01-05T10:00:00.000Z","distinct_users":3,"orders":2}]}""");
    }

    @Test
    void answersAnEmptyDayWithZeros() {
        assertThat(mvc.get().uri("/api/v1/analytics/funnel?date=2026-02-01")).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"date":"2026-02-01","steps":[
                 {"event_type":"page_view","users":0,"conversion_from_previous":0.00,"conversion_from_first":0.00},
                 {"event_type":"click","users":0},{"event_type":"purchase","users":0}]}""");
        assertThat(mvc.get().uri("/api/v1/analytics/top-pages?date=2026-02-01")).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("{\"date\":\"2026-02-01\",\"pages\":[]}");
    }

    @Test
    void reportsTheFunnelInPercentWithTwoDecimals() {
        assertThat(mvc.get().uri("/api/v1/analytics/funnel?date=2026-01-05")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"date":"2026-01-05","steps":[
                 {"event_type":"page_view","users":3,"conversion_from_previous":100.00,"conversion_from_first":100.00},
                 {"event_type":"click","users":2,"conversion_from_previous":66.67,"conversion_from_first":66.67},
                 {"event_type":"purchase","users":1,"conversion_from_previous":50.00,"conversion_from_first":33.33}]}""");
    }

    @Test
    void ranksPagesProductsCountriesAndUsersOverAllPartitions() {
        assertThat(mvc.get().uri("/api/v1/analytics/top-pages?date=2026-01-05&limit=1")).hasStatusOk().bodyJson()
                .isStrictlyEqualTo("{\"date\":\"2026-01-05\",\"pages\":[{\"page\":\"/p/1\",\"views\":6}]}");
        assertThat(mvc.get().uri("/api/v1/analytics/products?date=2026-01-05")).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"date":"2026-01-05","products":[{"product_id":"p-1","name":"Lamp","category":"home","views":6,
                 "add_to_cart":2,"purchases":2,"revenue":{"USD":"25.00"}},{"product_id":"p-2","views":9}]}""");
        assertThat(mvc.get().uri("/api/v1/analytics/products?date=2026-01-05&sort=views")).bodyJson()
                .extractingPath("$.products[0].product_id").isEqualTo("p-2");
        assertThat(mvc.get().uri("/api/v1/analytics/geo?date=2026-01-05")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"date":"2026-01-05","countries":[{"country":"US","events":6,"users":3,"revenue":{"USD":"7"}},
                 {"country":"DE","events":2,"users":1,"revenue":{}}]}""");
        assertThat(mvc.get().uri("/api/v1/analytics/top-users?date=2026-01-05&limit=2")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"date":"2026-01-05","users":[{"user_id":"u-9","events":7},{"user_id":"u-5","events":5}]}""");
    }

    @Test
    void rejectsBadParametersNamingEachOne() {
        assertThat(mvc.get().uri("/api/v1/analytics/top-pages?date=05.01.2026&limit=0")).hasStatus(400).bodyJson()
                .isLenientlyEqualTo("""
                        {"detail":[{"field":"date","error":"must be a date YYYY-MM-DD (UTC)"},
                                   {"field":"limit","error":"must be an integer from 1 to 100"}]}""");
        assertThat(mvc.get().uri("/api/v1/analytics/products?date=2026-01-05&sort=price")).hasStatus(400).bodyJson()
                .extractingPath("$.detail[0].field").isEqualTo("sort");
        assertThat(mvc.get().uri("/api/v1/analytics/geo")).hasStatus(400).bodyJson()
                .extractingPath("$.detail[0].field").isEqualTo("date");
        assertThat(mvc.get().uri("/api/v1/analytics/top-users?date=2026-01-05&limit=abc")).hasStatus(400).bodyJson()
                .extractingPath("$.detail[0].field").isEqualTo("limit");
        assertThat(mvc.get().uri("/api/v1/analytics/summary?from=2026-01-05&granularity=week")).hasStatus(400).bodyJson()
                .extractingPath("$.detail[0].field").isEqualTo("granularity");
        assertThat(mvc.get().uri("/api/v1/analytics/summary?to=2026-01-05")).hasStatus(400).bodyJson()
                .extractingPath("$.detail[0].field").isEqualTo("from");
    }

    @Test
    void limitsTheSummaryTo31DaysOr48Hours() {
        assertThat(mvc.get().uri("/api/v1/analytics/summary?from=2026-01-01&to=2026-01-31")).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/analytics/summary?from=2026-01-01&to=2026-02-01")).hasStatus(400).bodyJson()
                .isLenientlyEqualTo("{\"detail\":[{\"field\":\"to\",\"error\":\"must be at most 31 days after from\"}]}");
        assertThat(mvc.get().uri("/api/v1/analytics/summary?granularity=hour&from=2026-01-05T00:00:00Z&to=2026-01-07T00:00:00Z"))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/analytics/summary?granularity=hour&from=2026-01-05T00:00:00Z&to=2026-01-07T00:00:01Z"))
                .hasStatus(400);
        assertThat(mvc.get().uri("/api/v1/analytics/summary?from=2026-01-05&to=2026-01-04")).hasStatus(400).bodyJson()
                .extractingPath("$.detail[0].error").isEqualTo("must be after from");
    }
}
