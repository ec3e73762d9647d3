package io.trackstream.ingest;

import io.trackstream.model.Violation;

import java.util.List;

/**
 * The one shape of every error answer:
 * {@code {"message":"...","detail":[{"field":"...","error":"..."}]}}.
 *
 * @param message what went wrong with the request as a whole
 * @param detail the offending fields, never null
 */
public record ApiError(String message, List<Violation> detail) {

    /** The message of every 400, as the issue fixes it. */
    public static final String INVALID_PAYLOAD = "Invalid UserActivityEvent payload";

    public ApiError {
        detail = List.copyOf(detail);
    }

    public static ApiError of(String message, String field, String error) {
        return new ApiError(message, List.of(new Violation(field, error)));
    }
}
