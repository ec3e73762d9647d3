package io.trackstream.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Generated client bodies for contract v1, valid and broken, for property tests here and for the
 * fuzzing of the running API in {@code system-tests} (through this module's test jar). Most are
 * events with every field sometimes present; each field is now and then at or beyond a boundary of
 * the contract (lengths 0, 1, max, max + 1; the future bound; sent_at at and past the correction
 * limit; years 0000 and 9999; quantity 0 and 1; negative prices; 1E400, 1e-400, 64-bit extremes and
 * integers beyond; lone surrogates; control characters; deep nesting; duplicate keys), and a few
 * bodies are damaged JSON. Times are relative to {@code now}, the time the server is expected to
 * receive them.
 */
public final class ClientBodies {

    private static final DateTimeFormatter WITH_OFFSET =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX").withZone(ZoneOffset.ofHoursMinutes(5, 30));

    // A field left out: an empty entry, dropped when the object is joined.
    private static final String ABSENT = "";

    private final Instant now;

    public ClientBodies(Instant now) {
        this.now = Objects.requireNonNull(now, "now");
    }

    /** One body: an event object (valid or not) or, rarely, damaged JSON. */
    public Arbitrary<String> bodies() {
        Arbitrary<String> events = events();
        return Arbitraries.frequencyOf(
                Tuple.of(30, events),
                Tuple.of(1, events.flatMap(ClientBodies::damaged)),
                Tuple.of(1, Arbitraries.of("", "null", "[]", "{}", "\"x\"", "{\"events\":[]}", "{} {}")));
    }

    /** An event object with the fields in order; a field occasionally appears twice. */
    public Arbitrary<String> events() {
        List<Arbitrary<String>> fields = List.of(
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
                field(Arbitraries.of("x_new", "debug", "\u00e9t\u00e9"), json(2), 0.05));
        return Combinators.combine(fields).as(list -> list.stream().filter(f -> !f.isEmpty()).toList())
                .flatMap(present -> Arbitraries.frequencyOf(
                        Tuple.of(40, Arbitraries.just(present)),
                        Tuple.of(1, Arbitraries.of(present.isEmpty() ? List.of("") : present).map(twice -> {
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

    private static Arbitrary<String> field(String name, Arbitrary<String> rawValue, double presence) {
        return field(Arbitraries.just(name), rawValue, presence);
    }

    private static Arbitrary<String> field(Arbitrary<String> names, Arbitrary<String> rawValue, double presence) {
        int present = (int) Math.round(presence * 100);
        return Arbitraries.frequencyOf(
                Tuple.of(present, Combinators.combine(names, rawValue).as((n, v) -> quoted(n) + ":" + v)),
                Tuple.of(100 - present, Arbitraries.just(ABSENT)));
    }

    private Arbitrary<String> userIds() {
        return Arbitraries.frequencyOf(
                Tuple.of(30, names(128)),
                Tuple.of(8, Arbitraries.longs().between(1, Long.MAX_VALUE).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("0", "-1", "1", String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MIN_VALUE),
                        "9223372036854775808", "123456789012345678901234567890", "1.5", "123.0", "1e3", "true", "null",
                        "{}", "[]")));
    }

    private static Arbitrary<String> eventTypes() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.of("page_view", "click", "search", "add_to_cart", "remove_from_cart",
                        "login", "logout", "signup", "wishlist_add").map(ClientBodies::quoted)),
                Tuple.of(2, Arbitraries.just(quoted("purchase"))),
                Tuple.of(2, names(50)));
    }

    /** A name or id: non-blank text of at most {@code max} code points, and its boundaries. */
    private static Arbitrary<String> names(int max) {
        return Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.strings().withCharRange('a', 'z').numeric().withChars("-_.:@")
                        .ofMinLength(1).ofMaxLength(Math.min(max, 24))),
                Tuple.of(3, unicode(Math.min(max, 12))),
                Tuple.of(1, edges(max))).map(ClientBodies::quoted);
    }

    /** Free text, may be empty. */
    private static Arbitrary<String> texts(int max) {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.strings().ascii().ofMaxLength(60)
                        .filter(s -> s.chars().noneMatch(Character::isISOControl))),
                Tuple.of(3, unicode(20)),
                Tuple.of(1, edges(max))).map(ClientBodies::quoted);
    }

    // Letters, accents, CJK, emoji (pairs), no-break and zero-width spaces.
    private static Arbitrary<String> unicode(int maxCodePoints) {
        return Arbitraries.of("\u00fc", "\u00e9", "\u6771", "\u4eac", "\uD83D\uDE00", "\uD83C\uDDE9\uD83C\uDDEA",
                        "\u00a0", "\u200b", "a", "Z", "7", " ")
                .list().ofMinSize(1).ofMaxSize(maxCodePoints).map(parts -> String.join("", parts))
                .filter(s -> !s.isBlank() && s.codePointCount(0, s.length()) <= maxCodePoints);
    }

    // The boundaries every text rule has, and the texts every rule refuses.
    private static Arbitrary<String> edges(int max) {
        return Arbitraries.of(
                "", " ", "x", "x".repeat(max), "x".repeat(max + 1), "\uD83D\uDE00".repeat(max),
                "\uD83D\uDE00".repeat(max + 1), "a\u0000b", "tab\there", "line\n", "\u0085", "\u007f",
                "\uD800", "a\uDC00b", "\uDBFF", "x\uD83D", "\uDE00\uD83D", "quote\"back\\slash", "a/b", "%2F");
    }

    private Arbitrary<String> timestamps() {
        Instant futureBound = now.plus(Duration.ofMinutes(5));
        return Arbitraries.frequencyOf(
                Tuple.of(40, ages()
                        .map(ago -> quoted(Instants.format(now.minusMillis(ago))))),
                Tuple.of(2, ages()
                        .map(ago -> quoted(WITH_OFFSET.format(now.minusMillis(ago).plusNanos(123_456))))),
                Tuple.of(3, Arbitraries.of(futureBound, futureBound.minusMillis(1), futureBound.plusMillis(1),
                        futureBound.plusSeconds(60), now, Instant.EPOCH, Instant.EPOCH.minusMillis(1))
                        .map(t -> quoted(Instants.format(t)))),
                Tuple.of(1, Arbitraries.of("\"0000-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59.999Z\"",
                        "\"9999-12-31T23:59:59.000Z\"", "\"+10000-01-01T00:00:00Z\"", "\"2024-02-30T00:00:00Z\"",
                        "\"2024-01-15T10:30:45\"", "\"2024-01-15\"", "\"yesterday\"", "1705314645123", "null", "\"\"",
                        "\"2024-01-15T10:30:45.123456789+14:00\"", "\"2024-01-15t10:30:45z\"")));
    }

    // How long ago an event happened: up to 30 days, uniformly (jqwik favours small numbers by default,
    // which put most events in the last minutes, where any skew correction forward pushes them past
    // the future bound).
    private static Arbitrary<Long> ages() {
        return Arbitraries.longs().between(0, Duration.ofDays(30).toMillis()).withDistribution(RandomDistribution.uniform());
    }

    // sent_at near now, at and past the correction limit, and absurd.
    private Arbitrary<String> sentAts() {
        long limit = IntakePolicy.DEFAULTS.maxSkewCorrection().toMillis();
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.longs().between(-10_000, 10_000).map(now::plusMillis)),
                Tuple.of(5, Arbitraries.longs().between(-limit, limit).withDistribution(RandomDistribution.uniform()).map(now::plusMillis)),
                Tuple.of(3, Arbitraries.of(now.plusMillis(limit), now.minusMillis(limit),
                        now.plusMillis(limit + 1), now.minusMillis(limit + 1))),
                Tuple.of(2, Arbitraries.of(Instant.parse("9999-12-31T23:59:59Z"), Instant.parse("0000-01-01T00:00:00Z"),
                        Instant.EPOCH)))
                .map(t -> quoted(Instants.format(t)));
    }

    private static Arbitrary<String> ipAddresses() {
        return Arbitraries.of("203.0.113.7", "10.0.0.1", "2001:db8::1", "::1", "::ffff:192.0.2.1", "fe80::1",
                "1.2.3.999", "1.2.3", "::g", "", "x".repeat(46), "256.0.0.1", "2001:db8:0:0:0:0:0:0:1")
                .map(ClientBodies::quoted);
    }

    private static Arbitrary<String> properties() {
        List<Arbitrary<String>> keys = List.of(
                field("product_id", Arbitraries.oneOf(names(128), Arbitraries.of("0", "42", "-1", "1.5")), 0.5),
                field("product_name", texts(256), 0.3),
                field("price", amounts(), 0.5),
                field("category", texts(128), 0.3),
                field("search_query", texts(512), 0.2),
                field("cart_value", amounts(), 0.3),
                field("currency", Arbitraries.frequencyOf(
                        Tuple.of(6, Arbitraries.of("EUR", "USD", "JPY", "XXX")),
                        Tuple.of(1, Arbitraries.of("eur", "EU", "\u20ac", ""))).map(ClientBodies::quoted), 0.5),
                field("quantity", Arbitraries.frequencyOf(
                        Tuple.of(6, Arbitraries.of("1", "2", "2147483647")),
                        Tuple.of(1, Arbitraries.of("0", "2147483648", "-1", "1.0", "\"2\""))), 0.4),
                field(Arbitraries.of("color", "size", "\u00e9", "\uD83D\uDE00"), json(3), 0.3));
        return Arbitraries.frequencyOf(
                Tuple.of(20, Combinators.combine(keys).as(list -> list.stream().filter(f -> !f.isEmpty())
                        .collect(Collectors.joining(",", "{", "}")))),
                Tuple.of(1, Arbitraries.of("[]", "\"x\"", "1", "null")));
    }

    private static Arbitrary<String> amounts() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.bigDecimals().between(java.math.BigDecimal.ZERO, new java.math.BigDecimal("10000"))
                        .ofScale(2).map(java.math.BigDecimal::toPlainString)),
                Tuple.of(3, Arbitraries.of("0", "0.00", "1", "-0.01", "-5", "1E400", "-1E400", "1e-400", "19.90",
                        "1.10", "9223372036854775807", "123456789012345678901234567890.5", "\"19.90\"", "null")));
    }

    private static Arbitrary<String> device() {
        return Combinators.combine(List.of(
                        field("type", Arbitraries.of("desktop", "mobile", "tablet", "tv", "console", "wearable", "bot",
                                "other", "phone", "").map(ClientBodies::quoted), 0.7),
                        field("os", texts(64), 0.5),
                        field("browser", texts(64), 0.5),
                        field("model", json(1), 0.1)))
                .as(list -> list.stream().filter(f -> !f.isEmpty()).collect(Collectors.joining(",", "{", "}")));
    }

    private static Arbitrary<String> location() {
        return Combinators.combine(List.of(
                        field("country", Arbitraries.of("DE", "US", "JP", "XX", "de", "D", "DEU", "")
                                .map(ClientBodies::quoted), 0.7),
                        field("city", texts(128), 0.5),
                        field("timezone", Arbitraries.of("Europe/Berlin", "UTC", "+05:30", "UTC+1", "Nowhere/City", "")
                                .map(ClientBodies::quoted), 0.4),
                        field("region", json(1), 0.1)))
                .as(list -> list.stream().filter(f -> !f.isEmpty()).collect(Collectors.joining(",", "{", "}")));
    }

    private static Arbitrary<String> metadata() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, objects(json(3))),
                Tuple.of(1, Arbitraries.integers().between(1, 700).map(depth ->
                        "{\"deep\":" + "[".repeat(depth) + "1" + "]".repeat(depth) + "}")),
                Tuple.of(1, Arbitraries.integers().between(1, 700).map(depth ->
                        "{\"a\":".repeat(depth) + "{}" + "}".repeat(depth))),
                Tuple.of(1, Arbitraries.integers().between(1_000, 40_000).map(size ->
                        "{\"big\":\"" + "m".repeat(size) + "\"}")),
                Tuple.of(1, Arbitraries.of("[]", "\"x\"", "1")));
    }

    /** Any JSON value up to {@code depth} levels of objects and arrays. */
    private static Arbitrary<String> json(int depth) {
        Arbitrary<String> scalars = Arbitraries.frequencyOf(
                Tuple.of(3, texts(40)),
                Tuple.of(3, numbers()),
                Tuple.of(1, Arbitraries.of("true", "false", "null")));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<String> inner = json(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(4, scalars),
                Tuple.of(1, objects(inner)),
                Tuple.of(1, inner.list().ofMaxSize(4).map(items -> String.join(",", items)).map(s -> "[" + s + "]")));
    }

    private static Arbitrary<String> objects(Arbitrary<String> values) {
        Arbitrary<String> keys = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.strings().withCharRange('a', 'f').ofMinLength(1).ofMaxLength(3)),
                Tuple.of(1, Arbitraries.of("", "\u00fc", "\uD83D\uDE00", "\uD800", "a\"b")));
        return Combinators.combine(keys, values).as((k, v) -> quoted(k) + ":" + v)
                .list().ofMaxSize(5).map(entries -> String.join(",", entries)).map(s -> "{" + s + "}");
    }

    private static Arbitrary<String> numbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().map(String::valueOf)),
                Tuple.of(2, Arbitraries.bigDecimals().ofScale(3).map(java.math.BigDecimal::toPlainString)),
                Tuple.of(3, Arbitraries.of("0", "-0", "-0.0", "1.10", "1E400", "-1E400", "1e-400", "1E-400",
                        String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MIN_VALUE), "9223372036854775808",
                        "-9223372036854775809", "123456789012345678901234567890", "1.7976931348623157E308",
                        "4.9E-324", "2e3")));
    }

    // A valid body damaged: cut short, a byte changed, or wrapped into something that is no event.
    private static Arbitrary<String> damaged(String body) {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.integers().between(0, Math.max(0, body.length() - 1)).map(cut -> body.substring(0, cut))),
                Tuple.of(2, Combinators.combine(Arbitraries.integers().between(0, Math.max(0, body.length() - 1)),
                        Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '\\', 'x', '0'))
                        .as((at, c) -> body.isEmpty() ? body : body.substring(0, at) + c + body.substring(at + 1))),
                Tuple.of(1, Arbitraries.of("[" + body + "]", body + body, body + " x")));
    }
}
