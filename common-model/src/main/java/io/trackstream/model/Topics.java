package io.trackstream.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The one place that names the Kafka topics, their partition counts and retention, in the manner of
 * {@code Schemas.Topics}: whoever creates, writes or reads a topic takes it from here.
 *
 * <p>On {@link #USER_ACTIVITIES} the record key is the event's {@code user_id} (so one user's events
 * keep their order on one partition), the value is the event as {@link EventCodec} encodes it, and
 * the headers are those of {@link RecordHeaders}. It has two writers, ingest-api and the simulator
 * (event-producer), and both write through {@link EventRecords}, so a record means the same
 * whichever wrote it.
 */
public final class Topics {

    public static final String USER_ACTIVITIES = "user-activities";

    /**
     * The contract's dead-letter topic. spring-kafka 4's {@code DeadLetterPublishingRecoverer}
     * defaults to a {@code -dlt} suffix, so every writer names this topic explicitly.
     */
    public static final String USER_ACTIVITIES_DLT = USER_ACTIVITIES + ".DLT";

    public static final int USER_ACTIVITIES_PARTITIONS = 6;

    public static final Duration USER_ACTIVITIES_RETENTION = Duration.ofDays(7);

    /**
     * The fraud consumer's alerts: key = the alert's {@code user_id} (so a user's alerts keep their
     * order), value = the alert as JSON. Written by fraud-consumer only.
     */
    public static final String FRAUD_ALERTS = "fraud-alerts";

    public static final int FRAUD_ALERTS_PARTITIONS = 6;

    public static final Duration FRAUD_ALERTS_RETENTION = Duration.ofDays(30);

    /**
     * The fraud rules' settings: compacted, key = the rule name, value = its settings as JSON (a
     * tombstone restores the defaults). One partition, read whole by every fraud instance.
     */
    public static final String FRAUD_RULES = "fraud-rules";

    // The recoverer publishes a failed record to the same partition number it came from by default,
    // so the dead-letter topic needs at least as many partitions as its source.
    private static final List<TopicSpec> ALL = List.of(
            new TopicSpec(USER_ACTIVITIES, USER_ACTIVITIES_PARTITIONS, USER_ACTIVITIES_RETENTION),
            new TopicSpec(USER_ACTIVITIES_DLT, USER_ACTIVITIES_PARTITIONS, USER_ACTIVITIES_RETENTION),
            new TopicSpec(FRAUD_ALERTS, FRAUD_ALERTS_PARTITIONS, FRAUD_ALERTS_RETENTION),
            TopicSpec.compacted(FRAUD_RULES, 1));

    private Topics() {
    }

    /** Every topic the system uses, for whoever creates them (admin client, local stack, tests). */
    public static List<TopicSpec> all() {
        return ALL;
    }

    /**
     * How one topic is to be created.
     *
     * @param name the topic name
     * @param partitions the partition count, at least 1
     * @param retention how long records are kept ({@code retention.ms}); unused when compacted
     * @param compacted true for {@code cleanup.policy=compact}: the latest record per key is kept for ever
     */
    public record TopicSpec(String name, int partitions, Duration retention, boolean compacted) {

        public TopicSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(retention, "retention");
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
            }
        }

        /** A topic whose records expire after {@code retention}. */
        public TopicSpec(String name, int partitions, Duration retention) {
            this(name, partitions, retention, false);
        }

        /** A compacted topic: the latest record of each key, kept without a time limit. */
        public static TopicSpec compacted(String name, int partitions) {
            return new TopicSpec(name, partitions, Duration.ZERO, true);
        }
    }
}
