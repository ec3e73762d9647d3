package io.trackstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * The single Jackson configuration of the wire format, shared by HTTP and Kafka through
 * {@link EventCodec#mapper()}: snake_case names, null fields left out, instants as ISO-8601 UTC with
 * exactly three fraction digits, numbers kept exact, duplicate keys refused.
 */
final class EventJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Instants in the wire form of Instants.format. Nothing reads instants through databind:
            // the codec reads them from the tree with Instants.parse.
            .addModule(new SimpleModule("trackstream-instants").addSerializer(Instant.class, new InstantWriter()))
            // Client metadata must round-trip exactly: 1.10 stays 1.10 (BigDecimal, trailing zeros
            // kept) and integers of any size stay exact (BigInteger nodes are Jackson's default).
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            // A duplicate key is ambiguous (which value wins differs between parsers), so refuse it.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static final Violation NUMBER_OUT_OF_RANGE =
            new Violation("body", "must be well-formed JSON: a number's exponent is out of range");

    private EventJson() {
    }

    /** Compact JSON text of a tree, numbers as parsed. */
    static String compact(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** Parses text this module wrote earlier with {@link #compact(JsonNode)}. */
    static ObjectNode readObject(String json) {
        JsonNode node = MAPPER.readTree(json);
        if (!node.isObject()) {
            throw new IllegalStateException("expected a JSON object, got: " + node.getNodeType());
        }
        return (ObjectNode) node;
    }

    /**
     * Turns a parse failure into a violation. A duplicate key or a bad value is named by its path,
     * since the parser knows where it stopped; a document that ends too early is reported as the
     * whole body, because the parser's position there says nothing about which field is wrong.
     */
    static Violation describe(JacksonException failure, int inputLength) {
        boolean truncated = failure instanceof UnexpectedEndOfInputException
                || (failure.getLocation() != null && failure.getLocation().getByteOffset() >= inputLength);
        if (truncated) {
            return new Violation("body", "must be a complete JSON object, but the body ends too early");
        }
        // A broken key (a lone surrogate in it, say) is named by the object that holds it: the
        // parser's context still names the key before it.
        boolean inKey = failure.getOriginalMessage() != null && failure.getOriginalMessage().contains("property name");
        String path = pathOf(failure.processor(), inKey);
        return new Violation(path == null ? "body" : path, "must be well-formed JSON: " + failure.getOriginalMessage());
    }

    private static String pathOf(Object processor, boolean inKey) {
        if (!(processor instanceof JsonParser parser)) {
            return null;
        }
        String path = "";
        boolean innermost = true;
        for (TokenStreamContext ctx = parser.streamReadContext(); ctx != null && !ctx.inRoot(); ctx = ctx.getParent()) {
            boolean skipName = innermost && inKey;
            innermost = false;
            if (ctx.inArray()) {
                path = "[" + Math.max(ctx.getCurrentIndex(), 0) + "]" + path;
            } else if (ctx.currentName() != null && !skipName) {
                path = (ctx.getParent() != null && !ctx.getParent().inRoot() ? "." : "") + ctx.currentName() + path;
            }
        }
        // A top-level array is not an event at all; report the body, not an index.
        return path.isEmpty() || path.startsWith("[") ? null : path;
    }

    /** Writes instants with {@link Instants#format}. */
    private static final class InstantWriter extends StdSerializer<Instant> {

        InstantWriter() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializationContext context) {
            gen.writeString(Instants.format(value));
        }
    }
}
