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
 * the headers are those of {@link RecordHeaders}. The ingest service is its only writer.
 */
public final class Topics {

    public static final String USER_ACTIVITIES = "user-activities";

    /** spring-kafka's {@code DeadLetterPublishingRecoverer} appends {@code .DLT} by default. */
    public static final String USER_ACTIVITIES_DLT = USER_ACTIVITIES + ".DLT";

    public static final int USER_ACTIVITIES_PARTITIONS = 6;

    public static final Duration USER_ACTIVITIES_RETENTION = Duration.ofDays(7);

    // The recoverer publishes a failed record to the same partition number it came from by default,
    // so the dead-letter topic needs at least as many partitions as its source.
    private static final List<TopicSpec> ALL = List.of(
            new TopicSpec(USER_ACTIVITIES, USER_ACTIVITIES_PARTITIONS, USER_ACTIVITIES_RETENTION),
            new TopicSpec(USER_ACTIVITIES_DLT, USER_ACTIVITIES_PARTITIONS, USER_ACTIVITIES_RETENTION));

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
     * @param retention how long records are kept ({@code retention.ms})
     */
    public record TopicSpec(String name, int partitions, Duration retention) {

        public TopicSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(retention, "retention");
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
            }
        }
    }
}
