package io.trackstream.fraud.alerts;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.trackstream.fraud.detect.FraudAlert;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Upserts alerts into {@code fraud_alerts_by_day} (under the alert's rule and under {@code *}) and
 * {@code fraud_alerts_by_user}, with the alert's full value each time: the rows are keyed by the
 * alert's deterministic id, so a redelivered alert rewrites the same rows and none is stored twice.
 */
public final class AlertWriter {

    /** The rule value of the rows that hold every rule's alerts of a day. */
    public static final String EVERY_RULE = "*";

    private final CqlSession session;
    private final JsonMapper json;
    private final int ttlSeconds;
    private final PreparedStatement byDay;
    private final PreparedStatement byUser;

    public AlertWriter(CqlSession session, JsonMapper json, Duration ttl) {
        this.session = session;
        this.json = json;
        this.ttlSeconds = (int) Math.min(Integer.MAX_VALUE, ttl.toSeconds());
        this.byDay = session.prepare("INSERT INTO fraud_alerts_by_day (day, rule, event_time, alert_id, alert_rule, severity,"
                + " user_id, event_ids, detected_at, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
        this.byUser = session.prepare("INSERT INTO fraud_alerts_by_user (user_id, event_time, alert_id, rule, severity,"
                + " event_ids, detected_at, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
    }

    /** Writes every alert; completes when all rows are written, exceptionally when any write failed. */
    public CompletableFuture<Void> write(List<FraudAlert> alerts) {
        List<CompletableFuture<AsyncResultSet>> writes = new ArrayList<>();
        for (FraudAlert alert : alerts) {
            String details = json.writeValueAsString(alert.details());
            UUID id = UUID.fromString(alert.alertId());
            LocalDate day = LocalDate.ofInstant(alert.eventTime(), ZoneOffset.UTC);
            // The two day rows share a partition only by day, not by rule: two statements, not a batch.
            writes.add(stage(session.executeAsync(byDay.bind(day, alert.rule(), alert.eventTime(), id, alert.rule(),
                    alert.severity(), alert.userId(), alert.eventIds(), alert.detectedAt(), details, ttlSeconds))));
            writes.add(stage(session.executeAsync(byDay.bind(day, EVERY_RULE, alert.eventTime(), id, alert.rule(),
                    alert.severity(), alert.userId(), alert.eventIds(), alert.detectedAt(), details, ttlSeconds))));
            writes.add(stage(session.executeAsync(byUser.bind(alert.userId(), alert.eventTime(), id, alert.rule(),
                    alert.severity(), alert.eventIds(), alert.detectedAt(), details, ttlSeconds))));
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    private static CompletableFuture<AsyncResultSet> stage(CompletionStage<AsyncResultSet> stage) {
        return stage.toCompletableFuture();
    }
}
