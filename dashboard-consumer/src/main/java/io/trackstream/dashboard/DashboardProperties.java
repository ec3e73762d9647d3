package io.trackstream.dashboard;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code trackstream.dashboard.*}: what the live figures, the stream and the page take.
 *
 * @param historyBaseUrl where the page's user lookup finds storage-consumer's history API (called
 *        from the browser, so an address the browser reaches; storage-consumer must allow this
 *        service's origin, {@code trackstream.cors.allowed-origins})
 * @param top how many pages and products the snapshot lists
 * @param partialStaleAfter a partition's partial older than this is left out of the snapshot (its
 *        task stopped publishing: a crash or a rebalance in progress) rather than shown frozen
 * @param feedPerSecond the most events a second the {@code events} stream carries
 * @param alertsLookback how far back the alerts panel starts when the service starts
 * @param sse the server-sent event stream
 */
@ConfigurationProperties("trackstream.dashboard")
@Validated
public record DashboardProperties(
        @DefaultValue("http://127.0.0.1:8081") @NotBlank String historyBaseUrl,
        @DefaultValue("10") @Min(1) @Max(100) int top,
        @DefaultValue("15s") @NotNull Duration partialStaleAfter,
        @DefaultValue("50") @Min(1) @Max(1000) int feedPerSecond,
        @DefaultValue("1h") @NotNull Duration alertsLookback,
        @DefaultValue @Valid Sse sse) {

    /**
     * @param timeout how long one stream stays open before the server ends it and the browser
     *        reconnects (longer than Tomcat's 30 s default, which would cut every stream)
     * @param heartbeat how often a comment is sent, so proxies and browsers keep an idle stream open
     * @param reconnect the pause the browser waits before reconnecting (the {@code retry:} field)
     * @param maxQueued messages one client may have waiting; a client that falls further behind is
     *        dropped (it reconnects) so it never holds the others back
     */
    public record Sse(
            @DefaultValue("5m") @NotNull Duration timeout,
            @DefaultValue("15s") @NotNull Duration heartbeat,
            @DefaultValue("2s") @NotNull Duration reconnect,
            @DefaultValue("64") @Min(4) @Max(10000) int maxQueued) {
    }
}
