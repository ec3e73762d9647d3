package io.trackstream.model;

import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.longRange;

/**
 * Accepted means consumable: over generated client bodies (see {@link ClientBodies}), whenever
 * {@code decodeClient} accepts an event, {@code decodeRecord(encode(event))} accepts it too and
 * gives back an equal event; no body makes either decoder throw. Each property runs through
 * QuickTheories from a fixed seed ({@code -Dtrackstream.property.seed} sets another), and a
 * failure shrinks the body and names the seed. The coverage check keeps the generators honest: a
 * fair share of the bodies is accepted, and a fair share rejected. The generators put the
 * contract's boundaries in themselves, at known rates; QuickTheories adds only its first three
 * examples, every choice at its simplest, lowest and highest.
 */
class AcceptedIsConsumablePropertyTests {

    private static final long SEED = Long.getLong("trackstream.property.seed", 20_261_203L);
    private static final Instant NOW = Samples.RECEIVED_AT;
    private static final EventCodec CODEC = EventCodec.create();
    private static final ClientBodies BODIES = new ClientBodies(NOW);

    private static Gen<String> bodies() {
        return BODIES.bodies();
    }

    private static Gen<Optional<Instant>> batchSentAt() {
        long limit = IntakePolicy.DEFAULTS.maxSkewCorrection().toMillis();
        return longRange(-limit - 10, limit + 10).map(NOW::plusMillis).toOptionals(50);
    }

    private static QuickTheory tries(int examples) {
        return qt().withFixedSeed(SEED).withExamples(examples);
    }

    @Test
    void whatTheClientDecoderAcceptsTheRecordDecoderAcceptsAsItIs() {
        Map<Boolean, Integer> accepted = new TreeMap<>();
        Map<String, Integer> firstViolation = new TreeMap<>();

        tries(3000).forAll(bodies()).checkAssert(body -> {
            EventCodec.Decoded client = CODEC.decodeClient(body.getBytes(StandardCharsets.UTF_8), NOW);

            assertConsumable(client);
            accepted.merge(client.isValid(), 1, Integer::sum);
            firstViolation.merge(client.isValid() ? "-"
                    : client.violations().get(0).field().replaceAll("\\[\\d+\\]|\\..*", ""), 1, Integer::sum);
        });

        int runs = accepted.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("seed %d, %d bodies: accepted %s, first violation %s%n", SEED, runs, accepted,
                firstViolation.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .map(Map.Entry::toString).collect(Collectors.joining(", ", "{", "}")));
        assertThat(accepted.getOrDefault(true, 0) * 100.0 / runs).as("percentage of bodies accepted").isGreaterThan(25);
        assertThat(accepted.getOrDefault(false, 0) * 100.0 / runs).as("percentage of bodies rejected").isGreaterThan(25);
    }

    @Test
    void whatTheDecoderAcceptsAsABatchElementIsConsumableToo() {
        tries(1000).forAll(bodies(), batchSentAt()).checkAssert((body, batchSentAt) -> {
            JsonNode element;
            try {
                element = CODEC.mapper().readTree(body);
            } catch (JacksonException | NumberFormatException e) {
                return; // the batch envelope refuses the whole batch; no element is decoded
            }
            assertConsumable(CODEC.decodeClient(element, NOW, batchSentAt.orElse(null)));
        });
    }

    @Test
    void decodesEveryBodyAsARecordWithoutThrowing() {
        tries(1000).forAll(bodies()).checkAssert(body -> {
            byte[] record = body.getBytes(StandardCharsets.UTF_8);

            // Decoded itself holds "an event exactly when no violation"; a throw would fail the try.
            assertThat(CODEC.decodeRecord(record)).isNotNull();
        });
    }

    private static void assertConsumable(EventCodec.Decoded client) {
        if (!client.isValid()) {
            return;
        }
        UserActivityEvent accepted = client.event();
        EventCodec.Decoded record = CODEC.decodeRecord(CODEC.encode(accepted));
        assertThat(record.violations()).as(accepted::toString).isEmpty();
        assertThat(record.event()).isEqualTo(accepted);
    }
}
