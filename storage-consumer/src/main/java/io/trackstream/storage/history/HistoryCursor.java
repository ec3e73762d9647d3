package io.trackstream.storage.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a history page ended: the bucket, time and id of its last event. The next page continues
 * strictly after it in the table's order (event_time descending, event_id ascending), so nothing is
 * skipped or repeated at a bucket boundary or among events of the same millisecond. Opaque to
 * clients: base64url of {@code v1:bucketMillis:eventTimeMillis:eventId}.
 *
 * @param bucket the bucket holding the last event
 * @param eventTime the last event's time
 * @param eventId the last event's id
 */
record HistoryCursor(Instant bucket, Instant eventTime, String eventId) {

    private static final String VERSION = "v1";

    HistoryCursor {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(eventId, "eventId");
    }

    String encode() {
        String plain = VERSION + ":" + bucket.toEpochMilli() + ":" + eventTime.toEpochMilli() + ":" + eventId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor this service wrote; throws {@link IllegalArgumentException} for anything else. */
    static HistoryCursor decode(String token) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cursor returned by this API", e);
        }
        // The id is last and may itself contain ':'.
        String[] parts = plain.split(":", 4);
        if (parts.length != 4 || !parts[0].equals(VERSION) || parts[3].isEmpty()) {
            throw new IllegalArgumentException("is not a cursor returned by this API");
        }
        try {
            return new HistoryCursor(Instant.ofEpochMilli(Long.parseLong(parts[1])),
                    Instant.ofEpochMilli(Long.parseLong(parts[2])), parts[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a cursor returned by this API", e);
        }
    }
}
