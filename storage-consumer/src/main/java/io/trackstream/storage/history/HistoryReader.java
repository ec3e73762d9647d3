package io.trackstream.storage.history;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.trackstream.cassandra.BucketSize;
import io.trackstream.cassandra.StorageLayout;
import io.trackstream.cassandra.Tables;
import io.trackstream.storage.WrittenPartitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a user's history newest first: walks the user's buckets from {@code user_buckets} (newest
 * first), reads each bucket partition within the time window with the driver's paging, keeps the
 * requested types and stops once it holds one event more than the limit (which says whether a next
 * page exists). Never an OFFSET: a page continues strictly after the cursor's event.
 *
 * <p>A bucket known to hold events is read before the index is asked: it holds the cursor's event,
 * or this instance wrote to it lately ({@link WrittenPartitions}). Starting from the newest bucket
 * of the window, known buckets next to each other are read one after the other; the index is asked
 * only from the first bucket that is not known. A page of a user active today is then one Cassandra
 * round trip instead of two in a row, one that reaches into yesterday two instead of three, while an
 * unknown or idle user still costs one request, not an empty read more. For that,
 * without {@code to} the window ends at the horizon: this server's clock plus the contract's future
 * bound, the latest time an event received by now can carry, so the newest bucket of the window is
 * the current one. An event stamped beyond the horizon (its producer's clock ahead of ours) is stored
 * all the same, appears once the clock reaches it, and can be read before with an explicit {@code to}.
 */
class HistoryReader {

    private static final Logger log = LoggerFactory.getLogger(HistoryReader.class);

    // Far enough back for every real event time, near enough that epoch millis never overflow.
    private static final Instant EARLIEST = Instant.ofEpochMilli(Long.MIN_VALUE / 4);

    private static final int BUCKET_PAGE = 100;
    private static final int FILTERED_PAGE = 500;

    private final CqlSession session;
    private final StorageLayout layout;
    private final PreparedStatement buckets;
    private final PreparedStatement window;
    private final PreparedStatement sameMillisecond;
    private final WrittenPartitions written;
    private final Clock clock;
    private final Duration futureBound;

    /**
     * @param futureBound how far past the time it was received an event may be stamped (the
     *        contract's bound), which with the clock gives the horizon
     */
    HistoryReader(CqlSession session, StorageLayout layout, WrittenPartitions written, Clock clock,
            Duration futureBound) {
        this.session = session;
        this.layout = layout;
        this.written = written;
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
        List<HistoryEvent> found = new ArrayList<>(query.limit() + 1);
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
        Instant lowestBucket = bucketSize.bucketOf(lower);
        if (lower.isBefore(upper)) {
            // Known buckets, newest first, as long as each is next to the one read before it: no
            // bucket can lie between them, so the index has nothing to add until the first unknown one.
            Instant bucket = bucketSize.bucketOf(upper.minusMillis(1));
            while (found.size() < wanted && !bucket.isBefore(lowestBucket) && holdsEvents(query, after, bucket)) {
                collect(window(query, bucket, lower, upper, pageSize), query, found, wanted);
                bucket = bucketSize.bucketOf(bucket.minusMillis(1));
            }
            if (found.size() < wanted && !bucket.isBefore(lowestBucket)) {
                BoundStatement bucketQuery = buckets.bind()
                        .setString("user_id", query.userId())
                        .setInstant("lower", lowestBucket)
                        .setInstant("upper", bucket)
                        .setPageSize(BUCKET_PAGE);
                for (Row bucketRow : session.execute(bucketQuery)) {
                    collect(window(query, bucketRow.getInstant("bucket"), lower, upper, pageSize), query, found,
                            wanted);
                    if (found.size() >= wanted) {
                        break;
                    }
                }
            }
        }
        String next = null;
        if (found.size() > query.limit()) {
            found = found.subList(0, query.limit());
            HistoryEvent last = found.get(found.size() - 1);
            next = new HistoryCursor(bucketSize.bucketOf(last.timestamp()), last.timestamp(), last.eventId())
                    .encode();
        }
        return new HistoryPage(query.userId(), List.copyOf(found), next);
    }

    /** The cursor's bucket, or one this instance wrote lately: it holds events without asking the index. */
    private boolean holdsEvents(HistoryQuery query, HistoryCursor after, Instant bucket) {
        return (after != null && bucket.equals(after.bucket())) || written.contains(query.userId(), bucket);
    }

    private BoundStatement window(HistoryQuery query, Instant bucket, Instant lower, Instant upper, int pageSize) {
        return window.bind()
                .setString("user_id", query.userId())
                .setInstant("bucket", bucket)
                .setInstant("lower", lower)
                .setInstant("upper", upper)
                .setPageSize(pageSize);
    }

    private void collect(BoundStatement statement, HistoryQuery query, List<HistoryEvent> found, int wanted) {
        for (Row row : session.execute(statement)) {
            if (!query.accepts(EventRows.text(row, EventRows.EVENT_TYPE))) {
                continue;
            }
            HistoryEvent event;
            try {
                event = EventRows.toEvent(row);
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
