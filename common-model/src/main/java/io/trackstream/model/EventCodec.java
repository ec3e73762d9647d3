package io.trackstream.model;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one JSON codec of the event contract, for HTTP and Kafka alike: snake_case fields, null
 * fields left out, instants as ISO-8601 UTC with exactly three fraction digits
 * ({@code 2024-01-15T10:30:45.120Z}), numbers exact. Immutable and thread-safe: build it once.
 *
 * <p>Decoding never throws on bad input. It checks every rule of contract v1 and returns all
 * violations together; malformed JSON, an empty body, a body that is not an object and duplicate
 * keys become violations too (field {@code body}, or the path of the offending value when the
 * parser can tell). Unknown top-level fields are accepted and ignored, so an older server does not
 * lock out a newer client; their names are returned in {@link Decoded#ignoredFields()} (with unknown
 * {@code device.*} and {@code location.*} keys, and, from clients, the server-owned
 * {@code received_at}, {@code client_timestamp} and {@code clock_skew_ms}) so the API can warn.
 * Unknown keys inside {@code properties} are kept, not ignored.
 */
public final class EventCodec {

    private static final Violation NOT_AN_OBJECT = new Violation("body", "must be a JSON object");
    private static final int UNKNOWN_LENGTH = -1;
    // event_id, received_at, sent_at, client_timestamp, clock_skew_ms and quoted integer ids, generously
    private static final int SERVER_FIELDS_MAX_BYTES = 1024;
    // What the API's edge may add to an accepted event after the codec measured it: ip_address (at
    // most 45 characters) and a device parsed from the user agent (a type and two texts of at most 64
    // characters, 4 bytes each at worst). A record may carry that much more, so that every event the
    // codec accepts from a client stays consumable after the edge enriched it.
    static final int EDGE_FIELDS_MAX_BYTES = 1024;

    private final IntakePolicy policy;

    private EventCodec(IntakePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** A codec with {@link IntakePolicy#DEFAULTS}. */
    public static EventCodec create() {
        return create(IntakePolicy.DEFAULTS);
    }

    public static EventCodec create(IntakePolicy policy) {
        return new EventCodec(policy);
    }

    public IntakePolicy policy() {
        return policy;
    }

    /** The configured mapper, so services read and write any JSON with the same settings. */
    public JsonMapper mapper() {
        return EventJson.MAPPER;
    }

    /**
     * Decodes one event sent by a client: applies the rules, assigns a random UUID {@code event_id}
     * when there is none, sets {@code received_at}, corrects the client's clock skew and then checks
     * the future bound and the size limit.
     */
    public Decoded decodeClient(byte[] json, Instant receivedAt) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        int bodyLength = json == null ? 0 : json.length;
        return parseThen(json, node -> decodeClient(node, receivedAt, null, bodyLength));
    }

    /**
     * Decodes one element of a batch, already parsed with {@link #mapper()}. The event's own
     * {@code sent_at} wins; without one, {@code batchSentAt} (may be null) is used as its sent_at.
     */
    public Decoded decodeClient(JsonNode node, Instant receivedAt, Instant batchSentAt) {
        return decodeClient(node, receivedAt, batchSentAt, UNKNOWN_LENGTH);
    }

    private Decoded decodeClient(JsonNode node, Instant receivedAt, Instant batchSentAt, int bodyLength) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (node == null || !node.isObject()) {
            return Decoded.rejected(NOT_AN_OBJECT);
        }
        FieldReader reader = new FieldReader();
        UserActivityEvent event = EventValidator.read(node, EventValidator.Source.CLIENT, reader)
                .withReceivedAt(receivedAt);
        if (event.eventId() == null && !reader.rejected("event_id")) {
            event = event.withEventId(UUID.randomUUID().toString());
        }
        if (event.sentAt() == null && batchSentAt != null) {
            event = event.withSentAt(batchSentAt);
        }
        event = correctClockSkew(event, reader);
        checkTimeRange(event, reader);
        checkSize(event, reader, bodyLength, policy.maxEventBytes());
        return Decoded.of(event, reader);
    }

    /**
     * Decodes a record read from Kafka: the same rules, but {@code event_id} and {@code received_at}
     * are required and nothing is assigned or corrected; the future bound is taken from the record's
     * own {@code received_at}.
     */
    public Decoded decodeRecord(byte[] json) {
        int recordLength = json == null ? 0 : json.length;
        return parseThen(json, node -> {
            if (!node.isObject()) {
                return Decoded.rejected(NOT_AN_OBJECT);
            }
            FieldReader reader = new FieldReader();
            return judgeRecord(EventValidator.read(node, EventValidator.Source.RECORD, reader), reader, recordLength);
        });
    }

    private Decoded judgeRecord(UserActivityEvent event, FieldReader reader, int recordLength) {
        checkTimeRange(event, reader);
        checkSize(event, reader, recordLength, policy.maxEventBytes() + EDGE_FIELDS_MAX_BYTES);
        return Decoded.of(event, reader);
    }

    // An empty body parses to a missing node, which then fails the object check like [] or null do.
    private static Decoded parseThen(byte[] json, Function<JsonNode, Decoded> decode) {
        byte[] body = json == null ? new byte[0] : json;
        JsonNode node;
        try {
            node = EventJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return Decoded.rejected(EventJson.describe(e, body.length));
        } catch (NumberFormatException e) {
            // Jackson reads a number's digits lazily, and 1E12345678901 fails only then, outside its own exceptions.
            return Decoded.rejected(EventJson.NUMBER_OUT_OF_RANGE);
        }
        return decode.apply(node);
    }

    public byte[] encode(UserActivityEvent event) {
        return EventJson.MAPPER.writeValueAsBytes(event);
    }

    public String encodeToString(UserActivityEvent event) {
        return EventJson.MAPPER.writeValueAsString(event);
    }

    /** The {@code properties} object alone as JSON text, as a store keeps it next to the event's columns. */
    public String encodeProperties(EventProperties properties) {
        return EventJson.MAPPER.writeValueAsString(properties);
    }

    /** What {@link #encodeProperties} writes, as UTF-8 bytes: a store's text column takes these as they are. */
    public byte[] encodePropertiesUtf8(EventProperties properties) {
        return EventJson.MAPPER.writeValueAsBytes(properties);
    }

    /**
     * Reads back what {@link #encodeProperties} wrote: the typed keys and the unknown ones verbatim,
     * without judging the rest of an event, which a store has already judged before writing it.
     *
     * @throws IllegalArgumentException when the text is not a properties object of contract v1
     */
    public EventProperties decodeProperties(String json) {
        ObjectNode event = EventJson.MAPPER.createObjectNode();
        try {
            event.set("properties", EventJson.MAPPER.readTree(json));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("properties are not JSON: " + e.getOriginalMessage(), e);
        }
        FieldReader reader = new FieldReader();
        EventProperties properties = PropertiesReader.read(event, reader);
        if (!reader.violations().isEmpty()) {
            throw new IllegalArgumentException("properties break contract v1: " + reader.violations());
        }
        return properties;
    }

    // Shifts the timestamp by the difference between the server's and the client's clock, both
    // measured at sending time; small differences are network latency, not skew, and are left alone.
    // Within limits: a sent_at further off than maxSkewCorrection is refused (see
    // IntakePolicy.DEFAULTS for why a refusal), so a correction never moves an event by more than that.
    // Duration, not epoch millis: a caller's batchSentAt may be any Instant, beyond a long of ms.
    private UserActivityEvent correctClockSkew(UserActivityEvent event, FieldReader reader) {
        if (event.sentAt() == null) {
            return event;
        }
        Duration skew = Duration.between(event.sentAt(), event.receivedAt());
        if (skew.abs().compareTo(policy.maxSkewCorrection()) > 0) {
            reader.reject("sent_at", "must be within " + describe(policy.maxSkewCorrection())
                    + " of the time the server received the event: a client clock further off cannot be corrected");
            return event.withSentAt(null);
        }
        long skewMs = skew.toMillis();
        if (event.timestamp() == null || Math.abs(skewMs) <= policy.clockSkewThreshold().toMillis()) {
            return event;
        }
        return event.withSkewCorrection(event.timestamp().plusMillis(skewMs), event.timestamp(), skewMs);
    }

    private static String describe(Duration duration) {
        return duration.toSeconds() % 3600 == 0 ? duration.toHours() + " hours" : duration.toSeconds() + " seconds";
    }

    // The event time is a Kafka record's timestamp, which cannot precede the epoch, and at most
    // maxFutureSkew ahead of received_at; both paths judge it here, a client's after correction.
    private void checkTimeRange(UserActivityEvent event, FieldReader reader) {
        if (event.timestamp() == null) {
            return;
        }
        if (event.timestamp().isBefore(Instant.EPOCH)) {
            reader.reject("timestamp", "must not be before 1970-01-01T00:00:00.000Z (after clock-skew correction):"
                    + " the event time is the Kafka record's timestamp, which cannot precede the epoch");
        } else if (event.receivedAt() != null && event.timestamp().isAfter(event.receivedAt().plus(policy.maxFutureSkew()))) {
            reader.reject("timestamp", "must not be more than " + policy.maxFutureSkew().toSeconds()
                    + " seconds after the time the server received the event (after clock-skew correction)");
        }
    }

    // Measured on the event as it would be written, valid fields only, so a single oversized field
    // is reported along with the other violations. Encoding it costs as much as decoding did, so it
    // is skipped when the input was small enough that its encoding cannot reach the limit: encoding
    // lengthens a value by at most a third (1e1 -> 1E+1) plus a few server-set fields, and every
    // other change (whitespace, escapes, dropped fields) shortens it.
    private void checkSize(UserActivityEvent event, FieldReader reader, int inputLength, int maxBytes) {
        if (inputLength != UNKNOWN_LENGTH && inputLength <= (policy.maxEventBytes() - SERVER_FIELDS_MAX_BYTES) / 4 * 3) {
            return;
        }
        int size = encode(event).length;
        if (size > maxBytes) {
            reader.reject("body", "the encoded event must be at most " + maxBytes + " bytes, but is " + size + " bytes");
        }
    }

    /**
     * The outcome of decoding one event.
     *
     * @param event the event when there are no violations, else null
     * @param violations every broken rule, in field order; empty when valid
     * @param ignoredFields names of fields that were accepted but ignored (see {@link EventCodec})
     */
    public record Decoded(UserActivityEvent event, List<Violation> violations, List<String> ignoredFields) {

        public Decoded {
            violations = List.copyOf(violations);
            ignoredFields = List.copyOf(ignoredFields);
            if (violations.isEmpty() == (event == null)) {
                throw new IllegalArgumentException("an event comes with no violations, violations with no event");
            }
        }

        public boolean isValid() {
            return violations.isEmpty();
        }

        static Decoded of(UserActivityEvent event, FieldReader reader) {
            return reader.violations().isEmpty()
                    ? new Decoded(event, List.of(), reader.ignored())
                    : new Decoded(null, reader.violations(), reader.ignored());
        }

        static Decoded rejected(Violation violation) {
            return new Decoded(null, List.of(violation), List.of());
        }
    }
}
