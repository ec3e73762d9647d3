package io.trackstream.streams;

import io.trackstream.model.EventSerde;
import io.trackstream.model.Topics;
import io.trackstream.model.UserActivityEvent;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

import java.time.Duration;

/**
 * Where every topology starts: the events of {@link Topics#USER_ACTIVITIES}, read with the contract's
 * serde, keyed by {@code user_id}, stamped with event time (the record contract), each
 * {@code event_id} passed once within the dedup horizon. Plain Kafka Streams, no Spring, so a
 * topology built on it runs the same in a {@code TopologyTestDriver} and in the service.
 *
 * <p>Records that do not hold a contract event never reach the topology: the serde refuses them and
 * the deserialization exception handler sends them to the dead-letter topic (see
 * {@link StreamsDefaults}). The topic is keyed by user, so no step here repartitions.
 */
public final class EventStream {

    /** The source node's name; stable, so that a topology change does not rename it. */
    public static final String SOURCE = "user-activities-source";

    private EventStream() {
    }

    /**
     * @param dedupHorizon how far apart in event time two records with one {@code event_id} may be
     *        and still count as one event (clients and the simulator resend within seconds)
     */
    public static KStream<String, UserActivityEvent> events(StreamsBuilder builder, Duration dedupHorizon) {
        return builder.stream(Topics.USER_ACTIVITIES, Consumed.with(Serdes.String(), new EventSerde()).withName(SOURCE))
                .filter((userId, event) -> event != null, Named.as("drop-tombstones"))
                .processValues(new EventIdDeduplicator.Supplier(dedupHorizon), Named.as(EventIdDeduplicator.NAME));
    }
}
