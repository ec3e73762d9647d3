package io.trackstream.fraud.api;

import io.trackstream.model.ApiError;
import io.trackstream.model.Violation;
import org.springframework.http.HttpStatus;

import java.util.List;

/** A request the API refuses: the status and the body that says why. */
class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<Violation> violations;

    ApiException(HttpStatus status, String message, List<Violation> violations) {
        super(message);
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    static ApiException badRequest(List<Violation> violations) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request: " + String.join("; ",
                violations.stream().map(v -> v.field() + " " + v.error()).toList()), violations);
    }

    static ApiException badRequest(String field, String error) {
        return badRequest(List.of(new Violation(field, error)));
    }

    HttpStatus status() {
        return status;
    }

    ApiError body() {
        return new ApiError(getMessage(), violations);
    }
}
