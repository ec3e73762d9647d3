package io.trackstream.fraud.alerts;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import io.trackstream.fraud.detect.FraudAlert;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads stored alerts newest first: one day's (of every rule, or of one), a page at a time with
 * the driver's paging state, and one user's latest.
 */
public final class AlertReader {

    /** One page of a day's alerts; {@code pagingState} is null on the last page. */
    public record Page(List<FraudAlert> alerts, ByteBuffer pagingState) {
    }

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final CqlSession session;
    private final JsonMapper json;
    private final PreparedStatement byDay;
    private final PreparedStatement byUser;

    public AlertReader(CqlSession session, JsonMapper json) {
        this.session = session;
        this.json = json;
        this.byDay = session.prepare("SELECT alert_id, alert_rule, severity, user_id, event_ids, event_time, detected_at, details"
                + " FROM fraud_alerts_by_day WHERE day = ? AND rule = ?");
        this.byUser = session.prepare("SELECT alert_id, rule, severity, user_id, event_ids, event_time, detected_at, details"
                + " FROM fraud_alerts_by_user WHERE user_id = ? LIMIT ?");
    }

    /**
     * @param rule a rule's name, or {@link AlertWriter#EVERY_RULE}
     * @param pagingState where the previous page stopped, or null for the first page
     */
    public Page day(LocalDate day, String rule, int limit, ByteBuffer pagingState) {
        ResultSet rows = session.execute(byDay.bind(day, rule).setPageSize(limit).setPagingState(pagingState));
        List<FraudAlert> alerts = new ArrayList<>(limit);
        int available = rows.getAvailableWithoutFetching();
        for (int i = 0; i < available; i++) {
            alerts.add(alert(rows.one(), "alert_rule"));
        }
        ByteBuffer next = rows.getExecutionInfo().getPagingState();
        return new Page(alerts, next);
    }

    public List<FraudAlert> user(String userId, int limit) {
        List<FraudAlert> alerts = new ArrayList<>();
        for (Row row : session.execute(byUser.bind(userId, limit))) {
            alerts.add(alert(row, "rule"));
        }
        return alerts;
    }

    private FraudAlert alert(Row row, String ruleColumn) {
        String details = row.getString("details");
        return new FraudAlert(String.valueOf(row.getUuid("alert_id")), row.getString(ruleColumn), row.getString("severity"),
                row.getString("user_id"), row.getList("event_ids", String.class), row.getInstant("event_time"),
                row.getInstant("detected_at"), details == null ? Map.of() : json.readValue(details, DETAILS));
    }
}
