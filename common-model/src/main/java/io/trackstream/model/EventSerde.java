package io.trackstream.model;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The value {@link Serde} of {@link Topics#USER_ACTIVITIES} for Kafka clients and Kafka Streams,
 * over the one contract codec: it writes what {@link EventCodec#encode} writes and reads with
 * {@link EventCodec#decodeRecord}, every rule of contract v1 included.
 *
 * <p>A record that breaks the contract is refused with an {@link InvalidEventException} naming
 * every broken rule, never passed on half-read: Kafka Streams hands it to its deserialization
 * exception handler, which sends it to the dead-letter topic with that reason, and goes on.
 */
public final class EventSerde implements Serde<UserActivityEvent> {

    private final EventCodec codec;

    /** A serde with the contract's default policy. */
    public EventSerde() {
        this(EventCodec.create());
    }

    public EventSerde(EventCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public Serializer<UserActivityEvent> serializer() {
        return (topic, event) -> event == null ? null : codec.encode(event);
    }

    @Override
    public Deserializer<UserActivityEvent> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            EventCodec.Decoded decoded = codec.decodeRecord(bytes);
            if (!decoded.isValid()) {
                throw new InvalidEventException(decoded.violations());
            }
            return decoded.event();
        };
    }

    /** A record that does not hold an event of contract v1; the message lists every broken rule. */
    public static final class InvalidEventException extends SerializationException {

        private final transient List<Violation> violations;

        public InvalidEventException(List<Violation> violations) {
            super(describe(violations));
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }

        /** Every broken rule as {@code field: error}, separated by {@code "; "}: the dead-letter reason. */
        public static String describe(List<Violation> violations) {
            return violations.stream().map(v -> v.field() + ": " + v.error()).collect(Collectors.joining("; "));
        }
    }
}
