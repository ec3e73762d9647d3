package io.trackstream.ingest.kafka;

/**
 * Kafka did not acknowledge an event. {@link #reason()} is a short, low-cardinality word for
 * metrics and responses ({@code timeout} when the broker could not be reached in time).
 */
public final class PublishException extends RuntimeException {

    private final String reason;

    public PublishException(String reason, Throwable cause) {
        super("Kafka did not acknowledge the event (" + reason + ")", cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
