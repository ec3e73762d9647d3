package io.trackstream.model;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.util.Optional;

/**
 * One user action, as the ingest API accepts it and as it travels on Kafka. Immutable; build it
 * with {@link EventCodec}, which applies contract v1, rather than by hand.
 *
 * <p>Invariants: every instant is UTC and truncated to milliseconds, a device or location without
 * any component is absent (the constructor enforces both),
 * and {@code metadata} is the compact JSON text of an object (written into the event verbatim, so
 * it must be valid JSON). {@code receivedAt}, {@code clientTimestamp} and {@code clockSkewMs} are
 * set by the server, never by a client.
 *
 * @param eventId the deduplication key everywhere; assigned by the server when the client sent none
 * @param userId the user, a string (a client's integer id is kept as its decimal string)
 * @param eventType a {@link KnownEventType} wire name or any custom name
 * @param timestamp when it happened, already corrected for client clock skew
 * @param sentAt when the client sent it, by the client's clock; may be null
 * @param receivedAt when the server received it
 * @param sessionId the client's session, may be null
 * @param pageUrl may be null
 * @param referrer may be null
 * @param userAgent may be null
 * @param ipAddress an IPv4 or IPv6 literal, may be null
 * @param properties may be null
 * @param device may be null
 * @param location may be null
 * @param metadata the client's metadata object as compact JSON text, may be null
 * @param clientTimestamp the timestamp the client sent when the server corrected it, else null
 * @param clockSkewMs the shift the server applied to the timestamp in milliseconds, else null
 */
public record UserActivityEvent(
        String eventId,
        String userId,
        String eventType,
        Instant timestamp,
        Instant sentAt,
        Instant receivedAt,
        String sessionId,
        String pageUrl,
        String referrer,
        String userAgent,
        String ipAddress,
        EventProperties properties,
        Device device,
        Location location,
        @JsonRawValue String metadata,
        Instant clientTimestamp,
        Long clockSkewMs) {

    public UserActivityEvent {
        // Millisecond precision is what the wire format and Cassandra keep; truncating here means an
        // event equals itself after an encode/decode round trip.
        // An empty device or location says nothing: it is absent, as a store without a value in any
        // of its columns gives it back, so an event equals itself after a round trip through storage.
        if (device != null && device.type() == null && device.os() == null && device.browser() == null) {
            device = null;
        }
        if (location != null && location.country() == null && location.city() == null && location.timezone() == null) {
            location = null;
        }
        timestamp = Instants.truncate(timestamp);
        sentAt = Instants.truncate(sentAt);
        receivedAt = Instants.truncate(receivedAt);
        clientTimestamp = Instants.truncate(clientTimestamp);
    }

    /** The known meaning of {@link #eventType()}, or empty for a custom event. */
    public Optional<KnownEventType> knownType() {
        return KnownEventType.fromWire(eventType);
    }

    public UserActivityEvent withEventId(String eventId) {
        return new UserActivityEvent(eventId, userId, eventType, timestamp, sentAt, receivedAt, sessionId,
                pageUrl, referrer, userAgent, ipAddress, properties, device, location, metadata,
                clientTimestamp, clockSkewMs);
    }

    public UserActivityEvent withReceivedAt(Instant receivedAt) {
        return new UserActivityEvent(eventId, userId, eventType, timestamp, sentAt, receivedAt, sessionId,
                pageUrl, referrer, userAgent, ipAddress, properties, device, location, metadata,
                clientTimestamp, clockSkewMs);
    }

    public UserActivityEvent withIpAddress(String ipAddress) {
        return new UserActivityEvent(eventId, userId, eventType, timestamp, sentAt, receivedAt, sessionId,
                pageUrl, referrer, userAgent, ipAddress, properties, device, location, metadata,
                clientTimestamp, clockSkewMs);
    }

    public UserActivityEvent withDevice(Device device) {
        return new UserActivityEvent(eventId, userId, eventType, timestamp, sentAt, receivedAt, sessionId,
                pageUrl, referrer, userAgent, ipAddress, properties, device, location, metadata,
                clientTimestamp, clockSkewMs);
    }

    /**
     * The event with its timestamp replaced by the corrected one, remembering what the client sent
     * and by how much it was moved.
     */
    public UserActivityEvent withSkewCorrection(Instant correctedTimestamp, Instant clientTimestamp, long skewMs) {
        return new UserActivityEvent(eventId, userId, eventType, correctedTimestamp, sentAt, receivedAt,
                sessionId, pageUrl, referrer, userAgent, ipAddress, properties, device, location, metadata,
                clientTimestamp, skewMs);
    }

    // Package-private: only intake fills in a batch's sent_at for events that carry none.
    UserActivityEvent withSentAt(Instant sentAt) {
        return new UserActivityEvent(eventId, userId, eventType, timestamp, sentAt, receivedAt, sessionId,
                pageUrl, referrer, userAgent, ipAddress, properties, device, location, metadata,
                clientTimestamp, clockSkewMs);
    }
}
