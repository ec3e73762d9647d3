package io.trackstream.behavior.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PagingState;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trackstream.behavior.stream.BehaviorSink;
import io.trackstream.behavior.stream.DailyPartial;
import io.trackstream.behavior.stream.Profile;
import io.trackstream.behavior.stream.Session;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The behaviour tables: every write carries the full current value (a document plus the columns
 * queried or worth a glance), so writing again after a replay changes nothing. A flush's writes go
 * out concurrently, at most {@value #IN_FLIGHT} at a time, and the flush returns only once all are
 * acknowledged: the task commits its input offsets after that.
 */
public final class CassandraBehaviorStore implements BehaviorSink, BehaviorReader {

    static final String PROFILES = "behavior_profiles";
    static final String SESSIONS = "behavior_sessions_by_user";
    static final String DAILY = "behavior_daily";
    private static final int IN_FLIGHT = 128;
    private static final long WRITE_TIMEOUT_S = 30;

    private final CqlSession session;
    private final JsonMapper mapper;
    private final PreparedStatement writeProfile;
    private final PreparedStatement writeSession;
    private final PreparedStatement writeDay;
    private final PreparedStatement readProfile;
    private final PreparedStatement readSessions;
    private final PreparedStatement readDay;
    private final Timer flushes;
    private final Counter profileRows;
    private final Counter sessionRows;
    private final Counter dayRows;

    public CassandraBehaviorStore(CqlSession session, JsonMapper mapper, MeterRegistry meters) {
        this.session = session;
        this.mapper = mapper;
        writeProfile = session.prepare("INSERT INTO " + PROFILES
                + " (user_id, profile, total_events, last_active, segment, updated_at) VALUES (?, ?, ?, ?, ?, ?)");
        writeSession = session.prepare("INSERT INTO " + SESSIONS
                + " (user_id, session_start, session_id, session_end, converted, session) VALUES (?, ?, ?, ?, ?, ?)");
        writeDay = session.prepare("INSERT INTO " + DAILY + " (day, partition, sessions, partial, updated_at) VALUES (?, ?, ?, ?, ?)");
        readProfile = session.prepare("SELECT profile FROM " + PROFILES + " WHERE user_id = ?");
        readSessions = session.prepare("SELECT session FROM " + SESSIONS + " WHERE user_id = ?");
        readDay = session.prepare("SELECT partial FROM " + DAILY + " WHERE day = ?");
        flushes = Timer.builder("trackstream.behavior.flush").description("Writing one flush of changed rows to Cassandra")
                .register(meters);
        profileRows = rows(meters, "profiles");
        sessionRows = rows(meters, "sessions");
        dayRows = rows(meters, "daily");
    }

    private static Counter rows(MeterRegistry meters, String table) {
        return Counter.builder("trackstream.behavior.rows.written").tag("table", table)
                .description("Rows written (each a full current value)").register(meters);
    }

    @Override
    public void write(Batch batch) {
        Instant now = Instant.now();
        List<BoundStatement> statements = new ArrayList<>();
        for (Session s : batch.sessions()) {
            statements.add(writeSession.bind(s.userId(), s.start(), s.sessionId(), s.end(), s.converted(),
                    mapper.writeValueAsString(s)));
        }
        for (Profile p : batch.profiles()) {
            statements.add(writeProfile.bind(p.userId, mapper.writeValueAsString(p), p.totalEvents, p.lastActive,
                    p.segment, now));
        }
        for (DailyPartial d : batch.days()) {
            statements.add(writeDay.bind(LocalDate.parse(d.day), d.partition, d.sessions, mapper.writeValueAsString(d), now));
        }
        flushes.record(() -> executeAll(statements));
        sessionRows.increment(batch.sessions().size());
        profileRows.increment(batch.profiles().size());
        dayRows.increment(batch.days().size());
    }

    private void executeAll(List<BoundStatement> statements) {
        for (int from = 0; from < statements.size(); from += IN_FLIGHT) {
            List<CompletableFuture<AsyncResultSet>> wave = new ArrayList<>();
            for (BoundStatement statement : statements.subList(from, Math.min(statements.size(), from + IN_FLIGHT))) {
                CompletionStage<AsyncResultSet> stage = session.executeAsync(statement);
                wave.add(stage.toCompletableFuture());
            }
            try {
                CompletableFuture.allOf(wave.toArray(CompletableFuture[]::new)).get(WRITE_TIMEOUT_S, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing behaviour rows", e);
            } catch (Exception e) {
                throw new IllegalStateException("writing behaviour rows to Cassandra failed", e);
            }
        }
    }

    @Override
    public Optional<Profile> profile(String userId) {
        Row row = session.execute(readProfile.bind(userId)).one();
        return row == null ? Optional.empty() : Optional.of(mapper.readValue(row.getString("profile"), Profile.class));
    }

    @Override
    public SessionPage sessions(String userId, int limit, String cursor) {
        BoundStatement statement = readSessions.bind(userId).setPageSize(limit);
        if (cursor != null) {
            statement = statement.setPagingState(decodeCursor(cursor), session);
        }
        ResultSet rows = session.execute(statement);
        List<Session> page = new ArrayList<>();
        int available = rows.getAvailableWithoutFetching();
        for (int i = 0; i < available; i++) {
            page.add(mapper.readValue(rows.one().getString("session"), Session.class));
        }
        // The driver's safe paging state checks, when a cursor comes back, that it was made for
        // this very query (a cursor of another user's sessions is refused).
        PagingState next = rows.getExecutionInfo().getSafePagingState();
        return new SessionPage(page, next == null ? null : next.toString());
    }

    private static PagingState decodeCursor(String cursor) {
        try {
            return PagingState.fromString(cursor);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not a cursor this service handed out", e);
        }
    }

    @Override
    public List<DailyPartial> day(LocalDate day) {
        List<DailyPartial> partials = new ArrayList<>();
        for (Row row : session.execute(readDay.bind(day))) {
            partials.add(mapper.readValue(row.getString("partial"), DailyPartial.class));
        }
        return partials;
    }
}
