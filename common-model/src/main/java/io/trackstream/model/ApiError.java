package io.trackstream.model;

import java.util.List;

/**
 * The body of every 4xx and 5xx answer of every Trackstream REST API:
 * {@code {"message":"...","detail":[{"field":"...","error":"..."}]}}. One record for all services,
 * so a client parses one error shape.
 *
 * @param message what went wrong with the request as a whole, in one sentence
 * @param detail one entry per offending field or parameter, never null
 */
public record ApiError(String message, List<Violation> detail) {

    /** The message of every 400 for an event payload that breaks the contract. */
    public static final String INVALID_PAYLOAD = "Invalid UserActivityEvent payload";

    public ApiError {
        detail = List.copyOf(detail);
    }

    public static ApiError of(String message, String field, String error) {
        return new ApiError(message, List.of(new Violation(field, error)));
    }
}
