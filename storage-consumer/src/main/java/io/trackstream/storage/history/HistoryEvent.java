package io.trackstream.storage.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import io.trackstream.model.Device;
import io.trackstream.model.EventProperties;
import io.trackstream.model.Location;
import io.trackstream.model.UserActivityEvent;

import java.time.Instant;

/**
 * An event of a history page, in exactly the JSON shape of {@link UserActivityEvent} (same names,
 * order and omissions; a test holds the two byte-equal), built straight from a stored row. Its
 * {@code properties} are the JSON text the writer stored from the accepted event and are written
 * out verbatim, as {@code metadata} already is: parsing them into a tree and a record, only to
 * serialize them again, took a seventh of the request threads' time in a profile of a page read.
 */
record HistoryEvent(
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
        @Schema(implementation = EventProperties.class) @JsonRawValue String properties,
        Device device,
        Location location,
        @Schema(type = "object") @JsonRawValue String metadata,
        Instant clientTimestamp,
        Long clockSkewMs) {
}
