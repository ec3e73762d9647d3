package io.trackstream.analytics.api;

import io.trackstream.model.Violation;

import java.util.List;
import java.util.stream.Collectors;

/** An analytics request with bad parameters; answered with {@code 400} naming each one. */
class InvalidQueryException extends RuntimeException {

    private final List<Violation> violations;

    InvalidQueryException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + " " + v.error()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    List<Violation> violations() {
        return violations;
    }
}
