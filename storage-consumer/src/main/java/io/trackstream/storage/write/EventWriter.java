package io.trackstream.storage.write;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trackstream.cassandra.StorageLayout;
import io.trackstream.cassandra.Tables;
import io.trackstream.model.Device;
import io.trackstream.model.EventCodec;
import io.trackstream.model.Location;
import io.trackstream.model.UserActivityEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Writes events into {@code user_events} and their buckets into {@code user_buckets}: statements
 * prepared once, bound per event, sent asynchronously, with the driver's request throttler bounding
 * how many are outstanding. Rows of one partition (user, bucket) travel together in unlogged
 * batches, which is the one case where Cassandra rewards batching. Every write is an idempotent upsert keyed by the
 * event, so writing a batch again after a failure, a rebalance or a restart doubles nothing.
 *
 * <p>A partition's {@code user_buckets} row needs writing once, not once per polled batch: the
 * partitions written successfully are remembered ({@link WrittenPartitions}), and their index row
 * is not sent again meanwhile. With many users per poll this halves the writes per event.
 *
 * <p>{@link #write} returns only when every row is written and throws otherwise.
 */
class EventWriter {

    private static final Logger log = LoggerFactory.getLogger(EventWriter.class);

    private static final String INSERT_EVENT = "INSERT INTO " + Tables.USER_EVENTS
            + " (user_id, bucket, event_time, event_id, event_type, sent_at, received_at, client_timestamp,"
            + " clock_skew_ms, session_id, page_url, referrer, user_agent, ip_address, properties, device_type,"
            + " device_os, device_browser, country, city, timezone, metadata) VALUES (:user_id, :bucket,"
            + " :event_time, :event_id, :event_type, :sent_at, :received_at, :client_timestamp, :clock_skew_ms,"
            + " :session_id, :page_url, :referrer, :user_agent, :ip_address, :properties, :device_type,"
            + " :device_os, :device_browser, :country, :city, :timezone, :metadata) USING TTL :ttl";

    private static final String INSERT_BUCKET = "INSERT INTO " + Tables.USER_BUCKETS
            + " (user_id, bucket) VALUES (:user_id, :bucket) USING TTL :ttl";

    // Cassandra warns above 5 KB and refuses above 50 KB per batch by default.
    private static final int BATCH_BYTES_BUDGET = 24 * 1024;

    private final CqlSession session;
    private final StorageLayout layout;
    private final EventCodec codec;
    private final int maxBatchRows;
    private final PreparedStatement insertEvent;
    private final PreparedStatement insertBucket;
    private final StorageWritesHealthIndicator health;
    private final Counter stored;
    private final Timer writeOk;
    private final Timer writeFailed;
    // Only partitions whose whole batch was written land here, so a remembered index row exists.
    private final WrittenPartitions written = new WrittenPartitions();

    EventWriter(CqlSession session, StorageLayout layout, EventCodec codec, int maxBatchRows,
            StorageWritesHealthIndicator health, MeterRegistry meters) {
        this.session = session;
        this.layout = layout;
        this.codec = codec;
        this.maxBatchRows = maxBatchRows;
        this.health = health;
        this.insertEvent = session.prepare(INSERT_EVENT);
        this.insertBucket = session.prepare(INSERT_BUCKET);
        this.stored = Counter.builder("trackstream.storage.events.stored")
                .description("Events written to Cassandra (a redelivered event counts again)").register(meters);
        this.writeOk = writeTimer(meters, "success");
        this.writeFailed = writeTimer(meters, "failure");
    }

    private static Timer writeTimer(MeterRegistry meters, String result) {
        return Timer.builder("trackstream.storage.write")
                .description("Time to write one polled batch of events to Cassandra")
                .tag("result", result)
                .publishPercentileHistogram()
                .register(meters);
    }

    /**
     * Writes every event, or throws: {@link StoreRefusedException} when Cassandra refused a value of
     * one of them, {@link StorageUnavailableException} when the store or the network failed (see
     * {@link WriteFailure}). Either way, rows already written stay: writing them again is idempotent.
     */
    void write(List<UserActivityEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        List<CompletableFuture<AsyncResultSet>> pending = new ArrayList<>();
        Map<PartitionKey, Map<RowKey, UserActivityEvent>> partitions = byPartition(events);
        List<PartitionKey> newlyIndexed = new ArrayList<>();
        try {
            // The driver's throttler (see WriteConfiguration) bounds how many are outstanding at once.
            for (Statement<?> statement : plan(partitions, newlyIndexed)) {
                pending.add(session.executeAsync(statement).toCompletableFuture());
            }
            // Only once every write is acknowledged does the listener return and its offsets become committable.
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            writeFailed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (WriteFailure.of(e) == WriteFailure.CONTENT) {
                // The store is fine: its health stays, and the listener sorts out which event it refuses.
                throw new StoreRefusedException(describe(e), e);
            }
            health.writeFailed(e);
            // One line per failed attempt of a batch (the retries are backed off), never per event.
            log.warn("Could not write {} events to Cassandra, the batch will be retried: {}", events.size(), e.toString());
            throw new StorageUnavailableException("could not write " + events.size() + " events to Cassandra", e);
        }
        newlyIndexed.forEach(partition -> written.add(partition.userId(), partition.bucket()));
        writeOk.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        health.writeSucceeded();
        stored.increment(events.size());
    }

    private static String describe(Throwable failure) {
        Throwable cause = WriteFailure.unwrap(failure);
        return "Cassandra refused the write: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private Map<PartitionKey, Map<RowKey, UserActivityEvent>> byPartition(List<UserActivityEvent> events) {
        Map<PartitionKey, Map<RowKey, UserActivityEvent>> partitions = new LinkedHashMap<>();
        for (UserActivityEvent event : events) {
            PartitionKey partition = new PartitionKey(event.userId(), layout.bucketSize().bucketOf(event.timestamp()));
            // The same event twice in one poll (a producer retry) is written once.
            partitions.computeIfAbsent(partition, key -> new LinkedHashMap<>())
                    .put(new RowKey(event.timestamp(), event.eventId()), event);
        }
        return partitions;
    }

    /**
     * The statements for a batch: per-partition unlogged batches plus the index rows not yet
     * written, whose partitions are added to {@code newlyIndexed}.
     */
    private List<Statement<?>> plan(Map<PartitionKey, Map<RowKey, UserActivityEvent>> partitions,
            List<PartitionKey> newlyIndexed) {
        List<Statement<?>> statements = new ArrayList<>();
        for (Map.Entry<PartitionKey, Map<RowKey, UserActivityEvent>> entry : partitions.entrySet()) {
            PartitionKey partition = entry.getKey();
            if (!written.contains(partition.userId(), partition.bucket())) {
                statements.add(insertBucket.bind()
                        .setString("user_id", partition.userId())
                        .setInstant("bucket", partition.bucket())
                        .setInt("ttl", layout.bucketTtlSeconds())
                        .setIdempotent(true));
                newlyIndexed.add(partition);
            }
            chunk(partition, entry.getValue().values(), statements);
        }
        return statements;
    }

    private void chunk(PartitionKey partition, Iterable<UserActivityEvent> rows, List<Statement<?>> out) {
        List<BoundStatement> chunk = new ArrayList<>();
        int bytes = 0;
        for (UserActivityEvent event : rows) {
            int size = estimateBytes(event);
            if (!chunk.isEmpty() && (chunk.size() >= maxBatchRows || bytes + size > BATCH_BYTES_BUDGET)) {
                out.add(toStatement(chunk));
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(bind(partition, event));
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            out.add(toStatement(chunk));
        }
    }

    private static Statement<?> toStatement(List<BoundStatement> chunk) {
        if (chunk.size() == 1) {
            return chunk.get(0);
        }
        return BatchStatement.newInstance(BatchType.UNLOGGED, chunk.toArray(BoundStatement[]::new)).setIdempotent(true);
    }

    // Unset (not null) for absent values: a null would write a tombstone per empty column.
    private BoundStatement bind(PartitionKey partition, UserActivityEvent event) {
        BoundStatementBuilder b = insertEvent.boundStatementBuilder()
                .setString("user_id", event.userId())
                .setInstant("bucket", partition.bucket())
                .setInstant("event_time", event.timestamp())
                .setString("event_id", event.eventId())
                .setString("event_type", event.eventType())
                .setInt("ttl", layout.eventTtlSeconds())
                .setIdempotence(true);
        optional(b, "sent_at", event.sentAt());
        optional(b, "received_at", event.receivedAt());
        optional(b, "client_timestamp", event.clientTimestamp());
        optional(b, "clock_skew_ms", event.clockSkewMs());
        optional(b, "session_id", event.sessionId());
        optional(b, "page_url", event.pageUrl());
        optional(b, "referrer", event.referrer());
        optional(b, "user_agent", event.userAgent());
        optional(b, "ip_address", event.ipAddress());
        if (event.properties() != null) {
            b.setString("properties", codec.encodeProperties(event.properties()));
        }
        Device device = event.device();
        if (device != null) {
            optional(b, "device_type", device.type());
            optional(b, "device_os", device.os());
            optional(b, "device_browser", device.browser());
        }
        Location location = event.location();
        if (location != null) {
            optional(b, "country", location.country());
            optional(b, "city", location.city());
            optional(b, "timezone", location.timezone());
        }
        optional(b, "metadata", event.metadata());
        return b.build();
    }

    // By the value's class the driver finds the codec for the column (text, timestamp, bigint).
    private static <T> void optional(BoundStatementBuilder b, String column, T value) {
        if (value != null) {
            @SuppressWarnings("unchecked")
            Class<T> type = (Class<T>) value.getClass();
            b.set(column, value, type);
        }
    }

    // A cheap upper-bound guess of a row's size, enough to keep batches under Cassandra's limits.
    private static int estimateBytes(UserActivityEvent e) {
        return 256 + length(e.pageUrl()) + length(e.referrer()) + length(e.userAgent()) + length(e.metadata())
                + (e.properties() == null ? 0 : 512 + length(e.properties().extra()));
    }

    private static int length(String s) {
        return s == null ? 0 : s.length() * 2;
    }

    private record PartitionKey(String userId, Instant bucket) {
    }

    private record RowKey(Instant eventTime, String eventId) {
    }
}
