package io.trackstream.fraud.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One parameter of a rule: its name, its kind and its default, as text. {@link #check} says what is
 * wrong with a proposed value, so the API can answer 400 naming it and the detector never sees it.
 *
 * @param name snake_case, unique within its rule
 * @param kind how its value is written and which values are allowed
 * @param defaultValue the threshold
 */
public record RuleParam(String name, Kind kind, String defaultValue) {

    /** The kinds of parameter. */
    public enum Kind {
        /** a decimal at least 0, e.g. {@code 500.00} */
        AMOUNT,
        /** an integer at least 1 */
        COUNT,
        /** a positive ISO-8601 duration, e.g. {@code PT60S} */
        DURATION
    }

    static RuleParam amount(String name, String defaultValue) {
        return new RuleParam(name, Kind.AMOUNT, defaultValue);
    }

    static RuleParam count(String name, int defaultValue) {
        return new RuleParam(name, Kind.COUNT, Integer.toString(defaultValue));
    }

    static RuleParam duration(String name, String defaultValue) {
        return new RuleParam(name, Kind.DURATION, defaultValue);
    }

    /** Empty when {@code value} is allowed, else the sentence saying why not. */
    public Optional<String> check(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("must not be empty");
        }
        try {
            return switch (kind) {
                case AMOUNT -> new BigDecimal(value).signum() < 0
                        ? Optional.of("must be a decimal of at least 0, e.g. \"" + defaultValue + "\"") : Optional.empty();
                case COUNT -> Integer.parseInt(value) < 1 ? Optional.of("must be an integer of at least 1") : Optional.empty();
                case DURATION -> {
                    Duration d = Duration.parse(value);
                    yield d.isNegative() || d.isZero()
                            ? Optional.of("must be a positive ISO-8601 duration, e.g. \"" + defaultValue + "\"") : Optional.empty();
                }
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.of(switch (kind) {
                case AMOUNT -> "must be a decimal of at least 0, e.g. \"" + defaultValue + "\"";
                case COUNT -> "must be an integer of at least 1";
                case DURATION -> "must be a positive ISO-8601 duration, e.g. \"" + defaultValue + "\"";
            });
        }
    }
}
