package io.trackstream.model;

import java.util.Objects;

/**
 * One broken contract rule: {@code field} is the JSON path of the offending value
 * ({@code user_id}, {@code properties.price}, {@code location.country}, or {@code body} for the
 * document as a whole) and {@code error} a sentence naming the rule, fit to show to a client or to
 * put into a dead-letter header.
 *
 * <p>Both quote a client's input at times (a key in a path, a token in a parse error); a lone UTF-16
 * surrogate there is spelled as its JSON escape (backslash, u, four hex digits), so a violation can always be written
 * as UTF-8, into an HTTP answer or a header.
 *
 * @param field the JSON path, dot-separated, array indexes in brackets
 * @param error the rule that was broken, e.g. "must be an integer >= 1"
 */
public record Violation(String field, String error) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(error, "error");
        field = UnicodeText.printable(field);
        error = UnicodeText.printable(error);
    }
}
