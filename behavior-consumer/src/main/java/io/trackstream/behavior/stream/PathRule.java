package io.trackstream.behavior.stream;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One URL cleaning rule: the first match of {@code pattern} in a path is replaced by
 * {@code replacement} ({@code $1} etc. allowed). Written as {@code pattern=>replacement} in
 * configuration, e.g. {@code ^/p/[^/]+=>/p/:id}.
 *
 * @param pattern a Java regular expression
 * @param replacement its replacement
 */
public record PathRule(Pattern pattern, String replacement) {

    /** The default: a product page {@code /p/<id>} becomes {@code /p/:id}. */
    public static final PathRule PRODUCT = parse("^/p/[^/]+=>/p/:id");

    public PathRule {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(replacement, "replacement");
    }

    /** Reads {@code pattern=>replacement}; throws with the rule in the message when it is not one. */
    public static PathRule parse(String rule) {
        int arrow = rule.indexOf("=>");
        if (arrow <= 0) {
            throw new IllegalArgumentException("a path rule is pattern=>replacement, was " + rule);
        }
        return new PathRule(Pattern.compile(rule.substring(0, arrow)), rule.substring(arrow + 2));
    }

    String apply(String path) {
        return pattern.matcher(path).replaceFirst(replacement);
    }
}
