package io.trackstream.ingest.intake;

import io.trackstream.model.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The outer shape of a batch, {@code {"events":[...], "sent_at": optional}}, checked before any
 * event is: either the elements and the batch's sent_at, or the violations of the envelope itself.
 * Elements are left as trees for the codec to judge one by one.
 *
 * @param events the elements, in order (empty when the envelope is invalid)
 * @param sentAt the batch's sent_at, may be null
 * @param violations what is wrong with the envelope; empty when it is fine
 */
record BatchEnvelope(List<JsonNode> events, Instant sentAt, List<Violation> violations) {

    static BatchEnvelope parse(JsonMapper mapper, byte[] body, int maxEvents) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (UnexpectedEndOfInputException e) {
            return invalid("body", "must be a complete JSON object, but the body ends too early");
        } catch (JacksonException e) {
            return invalid("body", "must be well-formed JSON: " + e.getOriginalMessage());
        } catch (NumberFormatException e) {
            // Jackson reads a number's digits lazily, and 1E12345678901 fails only then, outside its own exceptions.
            return invalid("body", "must be well-formed JSON: a number's exponent is out of range");
        }
        if (root == null || !root.isObject()) {
            return invalid("body", "must be a JSON object with an \"events\" array");
        }
        List<Violation> violations = new ArrayList<>();
        JsonNode events = root.get("events");
        if (events == null || !events.isArray()) {
            violations.add(new Violation("events", "must be an array of events"));
        } else if (events.isEmpty()) {
            violations.add(new Violation("events", "must contain at least one event"));
        } else if (events.size() > maxEvents) {
            throw new PayloadTooLargeException("events", "must contain at most " + maxEvents + " events, but has "
                    + events.size());
        }
        Instant sentAt = null;
        JsonNode sent = root.get("sent_at");
        if (sent != null && !sent.isNull()) {
            sentAt = instant(sent);
            if (sentAt == null) {
                violations.add(new Violation("sent_at",
                        "must be an ISO-8601 date-time with a zone, e.g. 2024-01-15T10:30:45.123Z"));
            }
        }
        if (!violations.isEmpty()) {
            return new BatchEnvelope(List.of(), null, violations);
        }
        List<JsonNode> elements = new ArrayList<>(events.size());
        events.forEach(elements::add);
        return new BatchEnvelope(elements, sentAt, List.of());
    }

    boolean isValid() {
        return violations.isEmpty();
    }

    private static Instant instant(JsonNode node) {
        if (!node.isString()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BatchEnvelope invalid(String field, String error) {
        return new BatchEnvelope(List.of(), null, List.of(new Violation(field, error)));
    }
}
