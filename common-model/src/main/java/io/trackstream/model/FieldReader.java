package io.trackstream.model;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads typed values out of JSON objects and records a {@link Violation} for each broken rule
 * instead of stopping at the first, so a client learns everything wrong with an event at once.
 * Fields are named by their full path ({@code properties.price}); the key read is its last segment.
 * For an optional field, JSON null and absence are the same. One reader serves one event.
 */
final class FieldReader {

    private final List<Violation> violations = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();

    void reject(String field, String error) {
        violations.add(new Violation(field, error));
    }

    // A name is shown back to the client as a warning, so it must be writable as UTF-8 itself.
    void ignore(String field) {
        ignored.add(UnicodeText.printable(field));
    }

    boolean rejected(String field) {
        for (Violation violation : violations) {
            if (violation.field().equals(field)) {
                return true;
            }
        }
        return false;
    }

    List<Violation> violations() {
        return violations;
    }

    List<String> ignored() {
        return ignored;
    }

    /** The value under the field's last path segment; null when absent or JSON null. */
    static JsonNode value(JsonNode object, String field) {
        JsonNode node = object.get(field.substring(field.lastIndexOf('.') + 1));
        return node == null || node.isNull() ? null : node;
    }

    // Rules that name a length are spelled out (a Supplier) only when they are broken: every text
    // field of every event passes here, and nearly all of them pass.

    /** Free text of at most {@code max} characters; may be empty. */
    String text(JsonNode object, String field, int max) {
        return string(object, field, false, s -> isCleanText(s, max),
                () -> "must be a string of at most " + max + " characters without control characters");
    }

    /** A name or id: non-blank, at most {@code max} characters. */
    String name(JsonNode object, String field, int max, boolean required) {
        return string(object, field, required, s -> isName(s, max),
                () -> "must be a non-blank string of at most " + max + " characters without control characters");
    }

    /** A string for which {@code rule} holds; any other JSON type is a violation with {@code error}. */
    String string(JsonNode object, String field, boolean required, Predicate<String> rule, String error) {
        return string(object, field, required, rule, () -> error);
    }

    private String string(JsonNode object, String field, boolean required, Predicate<String> rule, Supplier<String> error) {
        JsonNode node = value(object, field);
        if (node != null && node.isString() && rule.test(node.stringValue())) {
            return node.stringValue();
        }
        if (!isUnicodeString(node, field)) {
            broken(field, node, required, error);
        }
        return null;
    }

    // A lone surrogate breaks the Unicode rule, whatever else the field's rule says: name that one.
    private boolean isUnicodeString(JsonNode node, String field) {
        if (node != null && node.isString() && !UnicodeText.isWellFormed(node.stringValue())) {
            reject(field, UnicodeText.RULE);
            return true;
        }
        return false;
    }

    /**
     * An id sent as a non-blank string or as a JSON integer of at most 64 bits and at least
     * {@code minInteger}; integers are kept as their decimal string. A fraction such as 123.0 is not
     * an integer on the wire, so it is refused like 1.5.
     */
    String idOrInteger(JsonNode object, String field, int max, long minInteger, boolean required) {
        JsonNode node = value(object, field);
        if (node != null && node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= minInteger) {
            return Long.toString(node.longValue());
        }
        if (node != null && node.isString() && isName(node.stringValue(), max)) {
            return node.stringValue();
        }
        if (isUnicodeString(node, field)) {
            return null;
        }
        broken(field, node, required,
                () -> "must be a non-blank string of at most " + max + " characters or an integer >= " + minInteger);
        return null;
    }

    Instant instant(JsonNode object, String field, boolean required) {
        JsonNode node = present(object, field, required, Instants.FORMAT_RULE);
        Instant instant = node != null && node.isString() ? Instants.parse(node.stringValue()) : null;
        if (node != null && instant == null) {
            reject(field, Instants.FORMAT_RULE);
        }
        return instant;
    }

    /** A money amount: a JSON number >= 0 that a double can hold; the decimal is kept as sent. */
    BigDecimal amount(JsonNode object, String field) {
        String error = "must be a finite number >= 0";
        JsonNode node = present(object, field, false, error);
        if (node == null) {
            return null;
        }
        if (isFiniteNumber(node) && node.decimalValue().signum() >= 0) {
            return node.decimalValue();
        }
        reject(field, error);
        return null;
    }

    /** A count: a JSON integer from 1 to {@link Integer#MAX_VALUE}. */
    Integer count(JsonNode object, String field) {
        String error = "must be an integer from 1 to " + Integer.MAX_VALUE;
        JsonNode node = present(object, field, false, error);
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 1) {
            return node.intValue();
        }
        reject(field, error);
        return null;
    }

    /** Any JSON integer of at most 64 bits. */
    Long wholeNumber(JsonNode object, String field) {
        String error = "must be an integer of at most 64 bits";
        JsonNode node = present(object, field, false, error);
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        reject(field, error);
        return null;
    }

    /** An optional nested object; anything else but null is a violation. */
    JsonNode object(JsonNode object, String field) {
        JsonNode node = value(object, field);
        if (node != null && !node.isObject()) {
            reject(field, "must be a JSON object");
            return null;
        }
        return node;
    }

    private JsonNode present(JsonNode object, String field, boolean required, String error) {
        JsonNode node = value(object, field);
        if (node == null) {
            broken(field, null, required, () -> error);
        }
        return node;
    }

    /** Records the rule a field broke: present but not valid, or missing though required. */
    private void broken(String field, JsonNode node, boolean required, Supplier<String> rule) {
        if (node != null) {
            reject(field, rule.get());
        } else if (required) {
            reject(field, "is required and " + rule.get());
        }
    }

    /**
     * Judges a value kept as sent (metadata, an unknown property, an ignored field) at any depth:
     * every key and every string must be Unicode text ({@link UnicodeText}) and, with
     * {@code finiteNumbers}, every number one a double can hold. Each offender is named by its path.
     *
     * @return whether the value passed, so that a broken one is not kept (nor written)
     */
    boolean requireValidJson(JsonNode node, String path, boolean finiteNumbers) {
        if (node.isString() && !UnicodeText.isWellFormed(node.stringValue())) {
            reject(path, UnicodeText.RULE);
            return false;
        }
        if (node.isNumber() && finiteNumbers && !isFiniteNumber(node)) {
            reject(path, "must be a finite number (within the range of a 64-bit floating-point value)");
            return false;
        }
        boolean valid = true;
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                valid &= requireValidEntry(path, entry.getKey(), entry.getValue(), finiteNumbers);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                valid &= requireValidJson(node.get(i), path + "[" + i + "]", finiteNumbers);
            }
        }
        return valid;
    }

    /** {@link #requireValidJson} for one entry of an object at {@code parent} ("" at the top), its key included. */
    boolean requireValidEntry(String parent, String key, JsonNode value, boolean finiteNumbers) {
        String path = parent.isEmpty() ? key : parent + "." + key;
        boolean validKey = UnicodeText.isWellFormed(key);
        if (!validKey) {
            reject(path, "is a key that " + UnicodeText.RULE);
        }
        return requireValidJson(value, path, finiteNumbers) && validKey;
    }

    /** A JSON number a double can hold: JSON has no NaN or infinity, but 1e400 would overflow. */
    static boolean isFiniteNumber(JsonNode node) {
        // Parsed JSON never holds NaN, but a tree built in code (a batch element) might.
        return node.isNumber() && node.doubleValueOpt().isPresent() && Double.isFinite(node.doubleValueOpt().getAsDouble());
    }

    /** Non-blank clean text: the rule of names and ids. */
    static boolean isName(String text, int max) {
        return !text.isBlank() && isCleanText(text, max);
    }

    // Length in code points, so an emoji counts once, as a person would count it. Every control
    // character is in the BMP and no surrogate is one, so checking chars checks code points; a
    // plain loop, as every text field of every event passes here.
    // Text with a surrogate is also held to the Unicode rule, which pairs them.
    static boolean isCleanText(String text, int max) {
        int length = text.length();
        if (length > 2 * max) {
            return false;
        }
        boolean surrogates = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            surrogates |= Character.isSurrogate(c);
        }
        return text.codePointCount(0, length) <= max && (!surrogates || UnicodeText.isWellFormed(text));
    }
}
