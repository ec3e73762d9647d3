package io.trackstream.ingest.intake;

/** A body or batch over the configured limits: answered 413 without reading the rest of the body. */
final class PayloadTooLargeException extends RuntimeException {

    private final String field;

    PayloadTooLargeException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
