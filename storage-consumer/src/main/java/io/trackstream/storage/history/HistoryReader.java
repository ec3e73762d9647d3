package io.trackstream.storage.history;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.trackstream.cassandra.BucketSize;
import io.trackstream.cassandra.StorageLayout;
import io.trackstream.cassandra.Tables;
import io.trackstream.model.EventCodec;
import io.trackstream.model.UserActivityEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a user's history newest first: asks {@code user_buckets} for the user's buckets within the
 * window (newest first), reads each bucket partition within the time window with the driver's
 * paging, keeps the requested types and stops once it holds one event more than the limit (which
 * says whether a next page exists). Never an OFFSET: a page continues strictly after the cursor's
 * event. Everything it knows comes from Cassandra, so rows any instance wrote are found.
 *
 * <p>Without {@code to} the window ends at the horizon: this server's clock plus the contract's
 * future bound, the latest time an event received by now can carry. An event stamped beyond the
 * horizon (its producer's clock ahead of ours) is stored all the same, appears once the clock
 * reaches it, and can be read before with an explicit {@code to}.
 */
class HistoryReader {

    private static final Logger log = LoggerFactory.getLogger(HistoryReader.class);

    // Far enough back for every real event time, near enough that epoch millis never overflow.
    private static final Instant EARLIEST = Instant.ofEpochMilli(Long.MIN_VALUE / 4);

    private static final int BUCKET_PAGE = 100;
    private static final int FILTERED_PAGE = 500;

    private final CqlSession session;
    private final StorageLayout layout;
    private final EventCodec codec;
    private final PreparedStatement buckets;
    private final PreparedStatement window;
    private final PreparedStatement sameMillisecond;
    private final Clock clock;
    private final Duration futureBound;

    /**
     * @param futureBound how far past the time it was received an event may be stamped (the
     *        contract's bound), which with the clock gives the horizon
     */
    HistoryReader(CqlSession session, StorageLayout layout, EventCodec codec, Clock clock, Duration futureBound) {
        this.session = session;
        this.layout = layout;
        this.codec = codec;
        this.clock = clock;
        this.futureBound = futureBound;
        this.buckets = session.prepare("SELECT bucket FROM " + Tables.USER_BUCKETS
                + " WHERE user_id = :user_id AND bucket >= :lower AND bucket <= :upper");
        this.window = session.prepare("SELECT " + EventRows.COLUMNS + " FROM " + Tables.USER_EVENTS
                + " WHERE user_id = :user_id AND bucket = :bucket AND event_time >= :lower AND event_time < :upper");
        this.sameMillisecond = session.prepare("SELECT " + EventRows.COLUMNS + " FROM " + Tables.USER_EVENTS
                + " WHERE user_id = :user_id AND bucket = :bucket AND event_time = :at AND event_id > :after_id");
    }

    HistoryPage read(HistoryQuery query) {
        Instant lower = query.from() == null ? EARLIEST : query.from();
        Instant upper = query.to() == null ? clock.instant().plus(futureBound) : query.to();
        HistoryCursor after = query.after();
        List<UserActivityEvent> found = new ArrayList<>(query.limit() + 1);
        int wanted = query.limit() + 1;
        int pageSize = query.eventTypes().isEmpty() ? Math.max(wanted, 10) : FILTERED_PAGE;
        if (after != null) {
            if (!after.eventTime().isBefore(lower) && after.eventTime().isBefore(upper)) {
                // First the events of the cursor's own millisecond that sort after it (by id) ...
                collect(sameMillisecond.bind()
                        .setString("user_id", query.userId())
                        .setInstant("bucket", after.bucket())
                        .setInstant("at", after.eventTime())
                        .setString("after_id", after.eventId())
                        .setPageSize(pageSize), query, found, wanted);
            }
            // ... then everything strictly older than it.
            upper = min(upper, after.eventTime());
        }
        BucketSize bucketSize = layout.bucketSize();
        if (found.size() < wanted && lower.isBefore(upper)) {
            BoundStatement bucketQuery = buckets.bind()
                    .setString("user_id", query.userId())
                    .setInstant("lower", bucketSize.bucketOf(lower))
                    .setInstant("upper", bucketSize.bucketOf(upper.minusMillis(1)))
                    .setPageSize(BUCKET_PAGE);
            for (Row bucketRow : session.execute(bucketQuery)) {
                collect(window(query, bucketRow.getInstant("bucket"), lower, upper, pageSize), query, found, wanted);
                if (found.size() >= wanted) {
                    break;
                }
            }
        }
        String next = null;
        if (found.size() > query.limit()) {
            found = found.subList(0, query.limit());
            UserActivityEvent last = found.get(found.size() - 1);
            next = new HistoryCursor(bucketSize.bucketOf(last.timestamp()), last.timestamp(), last.eventId())
                    .encode();
        }
        return new HistoryPage(query.userId(), List.copyOf(found), next);
    }

    private BoundStatement window(HistoryQuery query, Instant bucket, Instant lower, Instant upper, int pageSize) {
        return window.bind()
                .setString("user_id", query.userId())
                .setInstant("bucket", bucket)
                .setInstant("lower", lower)
                .setInstant("upper", upper)
                .setPageSize(pageSize);
    }

    private void collect(BoundStatement statement, HistoryQuery query, List<UserActivityEvent> found, int wanted) {
        for (Row row : session.execute(statement)) {
            if (!query.accepts(EventRows.eventType(row))) {
                continue;
            }
            UserActivityEvent event;
            try {
                event = EventRows.toEvent(row, codec);
            } catch (IllegalArgumentException e) {
                log.warn("Skipping a stored event that cannot be written back: {}", e.getMessage());
                continue;
            }
            found.add(event);
            if (found.size() >= wanted) {
                return;
            }
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
