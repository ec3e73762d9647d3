package io.trackstream.model;

import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.quicktheories.QuickTheory.qt;

/**
 * Generated client bodies for contract v1, valid and broken, for property tests here and for the
 * fuzzing of the running API in {@code system-tests} (through this module's test jar). Most are
 * events with every field sometimes present; each field is now and then at or beyond a boundary of
 * the contract (lengths 0, 1, max, max + 1; the future bound; sent_at at and past the correction
 * limit; years 0000 and 9999; quantity 0 and 1; negative prices; 1E400, 1e-400, 64-bit extremes and
 * integers beyond; lone surrogates; control characters; deep nesting; duplicate keys), and a few
 * bodies are damaged JSON. Times are relative to {@code now}, the time the server is expected to
 * receive them.
 *
 * <p>QuickTheories generators. Numbers over wide ranges favour small magnitudes ({@link #smallFirst}),
 * so that short ids, shallow nesting and short texts come often and the far ends still come;
 * how long ago an event happened and sent_at within the correction limit are uniform instead.
 */
public final class ClientBodies {

    private static final DateTimeFormatter WITH_OFFSET =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX").withZone(ZoneOffset.ofHoursMinutes(5, 30));

    // A field left out: an empty entry, dropped when the object is joined.
    private static final String ABSENT = "";

    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-_.:@";
    // Printable ASCII: every ASCII character but the controls.
    private static final String PRINTABLE = printableAscii();

    private final Instant now;

    public ClientBodies(Instant now) {
        this.now = Objects.requireNonNull(now, "now");
    }

    /**
     * {@code count} values of {@code gen}, the same for the same seed: drawn as QuickTheories draws
     * a property's examples (its first three at the generators' boundaries). Each draw is salted, since
     * QuickTheories runs an example it already drew only once and a sample keeps its repeats.
     */
    public static <T> List<T> sample(Gen<T> gen, long seed, int count) {
        List<T> values = new ArrayList<>(count);
        qt().withFixedSeed(seed).withExamples(count)
                .forAll(Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE).zip(gen, (salt, value) -> value))
                .checkAssert(values::add);
        return values;
    }

    /** One body: an event object (valid or not) or, rarely, damaged JSON. */
    public Gen<String> bodies() {
        Gen<String> events = events();
        return frequencyOf(
                Pair.of(30, events),
                Pair.of(1, events.flatMap(ClientBodies::damaged)),
                Pair.of(1, anyOf("", "null", "[]", "{}", "\"x\"", "{\"events\":[]}", "{} {}")));
    }

    /** An event object with the fields in order; a field occasionally appears twice. */
    public Gen<String> events() {
        List<Gen<String>> fields = List.of(
                field("event_id", names(100), 0.3),
                field("user_id", userIds(), 0.98),
                field("event_type", eventTypes(), 0.98),
                field("timestamp", timestamps(), 0.98),
                field("sent_at", sentAts(), 0.35),
                field("session_id", names(128), 0.2),
                field("page_url", texts(2048), 0.25),
                field("referrer", texts(2048), 0.1),
                field("user_agent", texts(1024), 0.2),
                field("ip_address", ipAddresses(), 0.15),
                field("properties", properties(), 0.4),
                field("device", device(), 0.15),
                field("location", location(), 0.15),
                field("metadata", metadata(), 0.35),
                field("received_at", timestamps(), 0.02),
                field(anyOf("x_new", "debug", "\u00e9t\u00e9"), json(2), 0.05));
        return allOf(fields).map(list -> list.stream().filter(f -> !f.isEmpty()).toList())
                .flatMap(present -> frequencyOf(
                        Pair.of(40, Generate.constant(present)),
                        Pair.of(1, Generate.pick(present.isEmpty() ? List.of("") : present).map(twice -> {
                            List<String> doubled = new ArrayList<>(present);
                            doubled.add(twice);
                            return doubled;
                        }))))
                .map(list -> list.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining(",", "{", "}")));
    }

    /** The raw JSON of a string, escaped as JSON allows; a lone surrogate is written as its escape. */
    public static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /**
     * A number in [min, max], small magnitudes first: three times in four a bit length, uniformly,
     * then a value of that length from the value of the range closest to zero, up or down (so 1-9
     * come as often as 10^17-10^18); once in four uniform over the range, so that its far end comes
     * too (a nesting beyond the parser's limit, a body beyond the size limit).
     */
    private static Gen<Long> smallFirst(long min, long max) {
        long target = Math.max(min, Math.min(max, 0));
        Gen<Long> above = offsets(Math.subtractExact(max, target)).map(offset -> target + offset);
        Gen<Long> below = offsets(Math.subtractExact(target, min)).map(offset -> target - offset);
        Gen<Long> small = target == min ? above : target == max ? below : Generate.booleans().flatMap(up -> up ? above : below);
        return frequencyOf(Pair.of(3, small), Pair.of(1, Generate.longRange(min, max, target)));
    }

    private static Gen<Long> offsets(long span) {
        return Generate.range(0, Long.SIZE - Long.numberOfLeadingZeros(span))
                .flatMap(bits -> Generate.longRange(0, Math.min(span, (1L << bits) - 1)));
    }

    private static Gen<Integer> smallFirst(int min, int max) {
        return smallFirst((long) min, max).map(Long::intValue);
    }

    private static Gen<String> field(String name, Gen<String> rawValue, double presence) {
        return field(Generate.constant(name), rawValue, presence);
    }

    private static Gen<String> field(Gen<String> names, Gen<String> rawValue, double presence) {
        int present = (int) Math.round(presence * 100);
        return frequencyOf(
                Pair.of(present, names.zip(rawValue, (n, v) -> quoted(n) + ":" + v)),
                Pair.of(100 - present, Generate.constant(ABSENT)));
    }

    private Gen<String> userIds() {
        return frequencyOf(
                Pair.of(30, names(128)),
                Pair.of(8, smallFirst(1, Long.MAX_VALUE).map(id -> Long.toString(id))),
                Pair.of(1, anyOf("0", "-1", "1", String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MIN_VALUE),
                        "9223372036854775808", "123456789012345678901234567890", "1.5", "123.0", "1e3", "true", "null",
                        "{}", "[]")));
    }

    private static Gen<String> eventTypes() {
        return frequencyOf(
                Pair.of(10, anyOf("page_view", "click", "search", "add_to_cart", "remove_from_cart",
                        "login", "logout", "signup", "wishlist_add").map(ClientBodies::quoted)),
                Pair.of(2, Generate.constant(quoted("purchase"))),
                Pair.of(2, names(50)));
    }

    /** A name or id: non-blank text of at most {@code max} code points, and its boundaries. */
    private static Gen<String> names(int max) {
        return frequencyOf(
                Pair.of(20, strings(NAME_CHARS, 1, Math.min(max, 24))),
                Pair.of(3, unicode(Math.min(max, 12))),
                Pair.of(1, edges(max))).map(ClientBodies::quoted);
    }

    /** Free text, may be empty. */
    private static Gen<String> texts(int max) {
        return frequencyOf(
                Pair.of(12, strings(PRINTABLE, 0, 60)),
                Pair.of(3, unicode(20)),
                Pair.of(1, edges(max))).map(ClientBodies::quoted);
    }

    // Letters, accents, CJK, emoji (pairs), no-break and zero-width spaces.
    private static Gen<String> unicode(int maxCodePoints) {
        Gen<String> parts = anyOf("\u00fc", "\u00e9", "\u6771", "\u4eac", "\uD83D\uDE00", "\uD83C\uDDE9\uD83C\uDDEA",
                "\u00a0", "\u200b", "a", "Z", "7", " ");
        return retried(listOf(parts, smallFirst(1, maxCodePoints)).map(list -> String.join("", list)),
                s -> !s.isBlank() && s.codePointCount(0, s.length()) <= maxCodePoints);
    }

    // The boundaries every text rule has, and the texts every rule refuses.
    private static Gen<String> edges(int max) {
        return anyOf(
                "", " ", "x", "x".repeat(max), "x".repeat(max + 1), "\uD83D\uDE00".repeat(max),
                "\uD83D\uDE00".repeat(max + 1), "a\u0000b", "tab\there", "line\n", "\u0085", "\u007f",
                "\uD800", "a\uDC00b", "\uDBFF", "x\uD83D", "\uDE00\uD83D", "quote\"back\\slash", "a/b", "%2F");
    }

    private Gen<String> timestamps() {
        Instant futureBound = now.plus(Duration.ofMinutes(5));
        return frequencyOf(
                Pair.of(40, ages()
                        .map(ago -> quoted(Instants.format(now.minusMillis(ago))))),
                Pair.of(2, ages()
                        .map(ago -> quoted(WITH_OFFSET.format(now.minusMillis(ago).plusNanos(123_456))))),
                Pair.of(3, Generate.pick(List.of(futureBound, futureBound.minusMillis(1), futureBound.plusMillis(1),
                        futureBound.plusSeconds(60), now, Instant.EPOCH, Instant.EPOCH.minusMillis(1)))
                        .map(t -> quoted(Instants.format(t)))),
                Pair.of(1, anyOf("\"0000-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59.999Z\"",
                        "\"9999-12-31T23:59:59.000Z\"", "\"+10000-01-01T00:00:00Z\"", "\"2024-02-30T00:00:00Z\"",
                        "\"2024-01-15T10:30:45\"", "\"2024-01-15\"", "\"yesterday\"", "1705314645123", "null", "\"\"",
                        "\"2024-01-15T10:30:45.123456789+14:00\"", "\"2024-01-15t10:30:45z\"")));
    }

    // How long ago an event happened: up to 30 days, uniformly (small numbers first would put most
    // events in the last minutes, where any skew correction forward pushes them past the future bound).
    private static Gen<Long> ages() {
        return Generate.longRange(0, Duration.ofDays(30).toMillis());
    }

    // sent_at near now, at and past the correction limit, and absurd.
    private Gen<String> sentAts() {
        long limit = IntakePolicy.DEFAULTS.maxSkewCorrection().toMillis();
        return frequencyOf(
                Pair.of(10, smallFirst(-10_000, 10_000).map(now::plusMillis)),
                Pair.of(5, Generate.longRange(-limit, limit).map(now::plusMillis)),
                Pair.of(3, Generate.pick(List.of(now.plusMillis(limit), now.minusMillis(limit),
                        now.plusMillis(limit + 1), now.minusMillis(limit + 1)))),
                Pair.of(2, Generate.pick(List.of(Instant.parse("9999-12-31T23:59:59Z"),
                        Instant.parse("0000-01-01T00:00:00Z"), Instant.EPOCH))))
                .map(t -> quoted(Instants.format(t)));
    }

    private static Gen<String> ipAddresses() {
        return anyOf("203.0.113.7", "10.0.0.1", "2001:db8::1", "::1", "::ffff:192.0.2.1", "fe80::1",
                "1.2.3.999", "1.2.3", "::g", "", "x".repeat(46), "256.0.0.1", "2001:db8:0:0:0:0:0:0:1")
                .map(ClientBodies::quoted);
    }

    private static Gen<String> properties() {
        List<Gen<String>> keys = List.of(
                field("product_id", Generate.oneOf(names(128), anyOf("0", "42", "-1", "1.5")), 0.5),
                field("product_name", texts(256), 0.3),
                field("price", amounts(), 0.5),
                field("category", texts(128), 0.3),
                field("search_query", texts(512), 0.2),
                field("cart_value", amounts(), 0.3),
                field("currency", frequencyOf(
                        Pair.of(6, anyOf("EUR", "USD", "JPY", "XXX")),
                        Pair.of(1, anyOf("eur", "EU", "\u20ac", ""))).map(ClientBodies::quoted), 0.5),
                field("quantity", frequencyOf(
                        Pair.of(6, anyOf("1", "2", "2147483647")),
                        Pair.of(1, anyOf("0", "2147483648", "-1", "1.0", "\"2\""))), 0.4),
                field(anyOf("color", "size", "\u00e9", "\uD83D\uDE00"), json(3), 0.3));
        return frequencyOf(
                Pair.of(20, allOf(keys).map(list -> list.stream().filter(f -> !f.isEmpty())
                        .collect(Collectors.joining(",", "{", "}")))),
                Pair.of(1, anyOf("[]", "\"x\"", "1", "null")));
    }

    private static Gen<String> amounts() {
        return frequencyOf(
                Pair.of(6, smallFirst(0, 1_000_000).map(cents -> BigDecimal.valueOf(cents, 2).toPlainString())),
                Pair.of(3, anyOf("0", "0.00", "1", "-0.01", "-5", "1E400", "-1E400", "1e-400", "19.90",
                        "1.10", "9223372036854775807", "123456789012345678901234567890.5", "\"19.90\"", "null")));
    }

    private static Gen<String> device() {
        return allOf(List.of(
                        field("type", anyOf("desktop", "mobile", "tablet", "tv", "console", "wearable", "bot",
                                "other", "phone", "").map(ClientBodies::quoted), 0.7),
                        field("os", texts(64), 0.5),
                        field("browser", texts(64), 0.5),
                        field("model", json(1), 0.1)))
                .map(list -> list.stream().filter(f -> !f.isEmpty()).collect(Collectors.joining(",", "{", "}")));
    }

    private static Gen<String> location() {
        return allOf(List.of(
                        field("country", anyOf("DE", "US", "JP", "XX", "de", "D", "DEU", "")
                                .map(ClientBodies::quoted), 0.7),
                        field("city", texts(128), 0.5),
                        field("timezone", anyOf("Europe/Berlin", "UTC", "+05:30", "UTC+1", "Nowhere/City", "")
                                .map(ClientBodies::quoted), 0.4),
                        field("region", json(1), 0.1)))
                .map(list -> list.stream().filter(f -> !f.isEmpty()).collect(Collectors.joining(",", "{", "}")));
    }

    private static Gen<String> metadata() {
        return frequencyOf(
                Pair.of(20, objects(json(3))),
                Pair.of(1, smallFirst(1, 700).map(depth ->
                        "{\"deep\":" + "[".repeat(depth) + "1" + "]".repeat(depth) + "}")),
                Pair.of(1, smallFirst(1, 700).map(depth ->
                        "{\"a\":".repeat(depth) + "{}" + "}".repeat(depth))),
                Pair.of(1, smallFirst(1_000, 40_000).map(size ->
                        "{\"big\":\"" + "m".repeat(size) + "\"}")),
                Pair.of(1, anyOf("[]", "\"x\"", "1")));
    }

    /** Any JSON value up to {@code depth} levels of objects and arrays. */
    private static Gen<String> json(int depth) {
        Gen<String> scalars = frequencyOf(
                Pair.of(3, texts(40)),
                Pair.of(3, numbers()),
                Pair.of(1, anyOf("true", "false", "null")));
        if (depth == 0) {
            return scalars;
        }
        Gen<String> inner = json(depth - 1);
        return frequencyOf(
                Pair.of(4, scalars),
                Pair.of(1, objects(inner)),
                Pair.of(1, listOf(inner, smallFirst(0, 4)).map(items -> "[" + String.join(",", items) + "]")));
    }

    private static Gen<String> objects(Gen<String> values) {
        Gen<String> keys = frequencyOf(
                Pair.of(10, strings("abcdef", 1, 3)),
                Pair.of(1, anyOf("", "\u00fc", "\uD83D\uDE00", "\uD800", "a\"b")));
        return listOf(keys.zip(values, (k, v) -> quoted(k) + ":" + v), smallFirst(0, 5))
                .map(entries -> "{" + String.join(",", entries) + "}");
    }

    private static Gen<String> numbers() {
        return frequencyOf(
                Pair.of(4, smallFirst(Integer.MIN_VALUE, Integer.MAX_VALUE).map(n -> Integer.toString(n))),
                Pair.of(2, decimals()),
                Pair.of(3, anyOf("0", "-0", "-0.0", "1.10", "1E400", "-1E400", "1e-400", "1E-400",
                        String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MIN_VALUE), "9223372036854775808",
                        "-9223372036854775809", "123456789012345678901234567890", "1.7976931348623157E308",
                        "4.9E-324", "2e3")));
    }

    // Plain decimals with three places within a double's range (up to 308 digits before the point),
    // of either sign, few digits as likely as many.
    private static Gen<String> decimals() {
        return Generate.booleans().zip(smallFirst(1, 311).flatMap(ClientBodies::digits), (negative, value) ->
                new BigDecimal(negative ? value.negate() : value, 3).toPlainString());
    }

    private static Gen<BigInteger> digits(int count) {
        Gen<Long> eighteen = Generate.longRange(0, 999_999_999_999_999_999L);
        return in -> {
            StringBuilder number = new StringBuilder(count + 18);
            while (number.length() < count) {
                number.append(String.format("%018d", eighteen.generate(in)));
            }
            return new BigInteger(number.substring(0, count));
        };
    }

    // A valid body damaged: cut short, a byte changed, or wrapped into something that is no event.
    private static Gen<String> damaged(String body) {
        Gen<Integer> positions = smallFirst(0, Math.max(0, body.length() - 1));
        return frequencyOf(
                Pair.of(2, positions.map(cut -> body.substring(0, cut))),
                Pair.of(2, positions.zip(Generate.pick(List.of('{', '}', '[', ']', '"', ',', ':', '\\', 'x', '0')),
                        (at, c) -> body.isEmpty() ? body : body.substring(0, at) + c + body.substring(at + 1))),
                Pair.of(1, anyOf("[" + body + "]", body + body, body + " x")));
    }

    // Building blocks.

    /** One of the weighted generators, chosen in proportion to its weight. */
    @SafeVarargs
    private static <T> Gen<T> frequencyOf(Pair<Integer, Gen<T>>... weighted) {
        return Generate.frequency(List.of(weighted));
    }

    private static Gen<String> anyOf(String... values) {
        return Generate.pick(List.of(values));
    }

    /** One value from each generator, in order. */
    private static <T> Gen<List<T>> allOf(List<Gen<T>> gens) {
        return in -> {
            List<T> values = new ArrayList<>(gens.size());
            gens.forEach(gen -> values.add(gen.generate(in)));
            return values;
        };
    }

    private static <T> Gen<List<T>> listOf(Gen<T> values, Gen<Integer> sizes) {
        return in -> {
            int size = sizes.generate(in);
            List<T> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(values.generate(in));
            }
            return list;
        };
    }

    /** Text of the given characters, short lengths first. */
    private static Gen<String> strings(String alphabet, int minLength, int maxLength) {
        Gen<Character> chars = Generate.range(0, alphabet.length() - 1).map(alphabet::charAt);
        return listOf(chars, smallFirst(minLength, maxLength))
                .map(list -> list.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    /** A value of {@code gen} that passes {@code test}, drawn again until one does (a thousand times at most). */
    private static <T> Gen<T> retried(Gen<T> gen, Predicate<T> test) {
        return in -> {
            for (int tries = 0; tries < 1_000; tries++) {
                T value = gen.generate(in);
                if (test.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("no generated value passed the filter in 1000 tries");
        };
    }

    private static String printableAscii() {
        StringBuilder chars = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            chars.append(c);
        }
        return chars.toString();
    }
}
