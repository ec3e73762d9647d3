package io.trackstream.analytics.api;

import io.trackstream.model.Violation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the request parameters of the analytics API, collecting every problem so that one
 * {@code 400} names all bad parameters. Parameters arrive as text: a typed binding would answer a
 * bad number before the other parameters were looked at.
 */
final class QueryParams {

    static final int MAX_LIMIT = 100;
    static final int DEFAULT_LIMIT = 10;

    private final List<Violation> violations = new ArrayList<>();

    /** A required UTC day, {@code YYYY-MM-DD}. */
    LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(name, "is required (YYYY-MM-DD, UTC)"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(name, "must be a date YYYY-MM-DD (UTC)"));
            return null;
        }
    }

    /** A UTC day ({@code YYYY-MM-DD}, its start) or an ISO-8601 instant; null when absent. */
    Instant dayOrInstant(String name, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Violation(name, "is required (YYYY-MM-DD or an ISO-8601 instant)"));
            }
            return null;
        }
        String text = value.strip();
        Instant instant;
        try {
            // an instant is read by the contract's one parser, as events and history queries are
            instant = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : io.trackstream.model.Instants.parse(text);
        } catch (DateTimeParseException e) {
            instant = null;
        }
        if (instant == null) {
            violations.add(new Violation(name, "must be YYYY-MM-DD or an ISO-8601 instant with a zone"));
        }
        return instant;
    }

    /** An integer 1..{@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when absent. */
    int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Violation("limit", "must be an integer from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    /** One of {@code allowed}, {@code fallback} when absent. */
    String oneOf(String name, String value, Set<String> allowed, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!allowed.contains(value.strip())) {
            violations.add(new Violation(name, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed))));
            return fallback;
        }
        return value.strip();
    }

    void reject(String name, String error) {
        violations.add(new Violation(name, error));
    }

    boolean valid() {
        return violations.isEmpty();
    }

    /** Throws the {@code 400} when any parameter was bad. */
    void check() {
        if (!violations.isEmpty()) {
            throw new InvalidQueryException(violations);
        }
    }
}
