package io.trackstream.ingest.intake;

import java.util.List;

/**
 * The 202 answer to one tracked event, sent once Kafka acknowledged it.
 *
 * @param status always {@code accepted}
 * @param message a sentence for humans
 * @param eventId the event's id (the client's or the one the server assigned)
 * @param ignoredFields unknown fields the server accepted but ignored; left out when none
 */
record TrackAccepted(String status, String message, String eventId, List<String> ignoredFields) {

    static TrackAccepted of(String eventId, List<String> ignoredFields) {
        return new TrackAccepted("accepted", "Event queued for processing", eventId,
                ignoredFields.isEmpty() ? null : ignoredFields);
    }
}
