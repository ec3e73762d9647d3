package io.trackstream.ingest.intake;

import io.trackstream.model.Instants;
import io.trackstream.model.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outer shape of a batch, {@code {"events":[...], "sent_at": optional}} (Segment's
 * {@code {"batch":[...], "sentAt": optional}}), checked before any event is: either the elements
 * and the batch's sent time, or the violations of the envelope itself. Elements are left as trees
 * to be judged one by one.
 *
 * @param events the elements, in order (empty when the envelope is invalid)
 * @param sentAt the batch's sent_at, may be null
 * @param violations what is wrong with the envelope; empty when it is fine
 */
public record BatchEnvelope(List<JsonNode> events, Instant sentAt, List<Violation> violations) {

    /**
     * @param eventsField the array's name ({@code events}, Segment's {@code batch})
     * @param sentAtField the batch's sent time's name ({@code sent_at}, Segment's {@code sentAt})
     * @throws PayloadTooLargeException with more than {@code maxEvents} elements
     */
    public static BatchEnvelope parse(JsonMapper mapper, byte[] body, String eventsField, String sentAtField,
                                      int maxEvents) {
        JsonNode root;
        try {
            root = readTree(mapper, body);
        } catch (InvalidJsonException e) {
            return invalid("body", e.getMessage());
        }
        if (root == null || !root.isObject()) {
            return invalid("body", "must be a JSON object with an \"" + eventsField + "\" array");
        }
        List<Violation> violations = new ArrayList<>();
        JsonNode events = root.get(eventsField);
        if (events == null || !events.isArray()) {
            violations.add(new Violation(eventsField, "must be an array of events"));
        } else if (events.isEmpty()) {
            violations.add(new Violation(eventsField, "must contain at least one event"));
        } else if (events.size() > maxEvents) {
            throw new PayloadTooLargeException(eventsField, "must contain at most " + maxEvents + " events, but has "
                    + events.size());
        }
        Instant sentAt = null;
        JsonNode sent = root.get(sentAtField);
        if (sent != null && !sent.isNull()) {
            sentAt = sent.isString() ? Instants.parse(sent.stringValue()) : null;
            if (sentAt == null) {
                violations.add(new Violation(sentAtField, Instants.FORMAT_RULE));
            }
        }
        if (!violations.isEmpty()) {
            return new BatchEnvelope(List.of(), null, violations);
        }
        List<JsonNode> elements = new ArrayList<>(events.size());
        events.forEach(elements::add);
        return new BatchEnvelope(elements, sentAt, List.of());
    }

    /**
     * Parses a request body into a tree, with the sentence a 400 gives for a body that is not JSON.
     *
     * @throws InvalidJsonException when the body is not well-formed, complete JSON
     */
    public static JsonNode readTree(JsonMapper mapper, byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (UnexpectedEndOfInputException e) {
            throw new InvalidJsonException("must be a complete JSON object, but the body ends too early");
        } catch (JacksonException e) {
            throw new InvalidJsonException("must be well-formed JSON: " + e.getOriginalMessage());
        } catch (NumberFormatException e) {
            // Jackson reads a number's digits lazily, and 1E12345678901 fails only then, outside its own exceptions.
            throw new InvalidJsonException("must be well-formed JSON: a number's exponent is out of range");
        }
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    private static BatchEnvelope invalid(String field, String error) {
        return new BatchEnvelope(List.of(), null, List.of(new Violation(field, error)));
    }

    /** A body that is not JSON; the message is the 400's error for the field {@code body}. */
    public static final class InvalidJsonException extends RuntimeException {

        InvalidJsonException(String message) {
            super(message, null, false, false);
        }
    }
}
