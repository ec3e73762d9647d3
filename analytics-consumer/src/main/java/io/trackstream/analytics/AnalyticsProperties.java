package io.trackstream.analytics;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * {@code trackstream.analytics.*}: what the analytics topology computes and how often it writes.
 *
 * @param grace how long after a window's end a late event still counts in it (the original Flink
 *        pipeline's bounded out-of-orderness); a later event is counted as dropped
 * @param defaultCurrency the ISO 4217 currency of an amount whose event names none
 * @param funnelSteps the conversion funnel's event types, in order
 * @param flushInterval how often the changed figures are upserted into Cassandra (wall clock); bounds
 *        the write rate, and how stale the API may be
 * @param retention how long after a window closed its partial figures stay in the local state (so a
 *        late event can still be counted in its {@code late_dropped})
 * @param topUsers how many users each partition keeps in its most-active list of a day
 * @param summaryLog when the one-line processing summary is logged
 */
@ConfigurationProperties("trackstream.analytics")
@Validated
public record AnalyticsProperties(
        @DefaultValue("2m") @NotNull Duration grace,
        @DefaultValue("USD") @NotNull @Pattern(regexp = "[A-Z]{3}") String defaultCurrency,
        @DefaultValue({"page_view", "click", "purchase"}) @NotEmpty List<String> funnelSteps,
        @DefaultValue("1s") @NotNull Duration flushInterval,
        @DefaultValue("1d") @NotNull Duration retention,
        @DefaultValue("100") @Min(1) @Max(1000) int topUsers,
        @DefaultValue @Valid SummaryLog summaryLog) {

    public AnalyticsProperties {
        if (grace != null && grace.isNegative()) {
            throw new IllegalArgumentException("trackstream.analytics.grace must not be negative, was " + grace);
        }
        if (flushInterval != null && (flushInterval.isNegative() || flushInterval.isZero())) {
            throw new IllegalArgumentException("trackstream.analytics.flush-interval must be positive, was " + flushInterval);
        }
        funnelSteps = funnelSteps == null ? null : List.copyOf(funnelSteps);
    }

    /**
     * The processing summary line: logged after every {@code records} events and at least every
     * {@code interval} while events arrive.
     *
     * @param records events between two lines
     * @param interval longest time between two lines
     */
    public record SummaryLog(
            @DefaultValue("100000") @Min(1) long records,
            @DefaultValue("60s") @NotNull Duration interval) {
    }
}
