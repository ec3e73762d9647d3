package io.trackstream.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accepted means consumable: over generated client bodies (see {@link ClientBodies}), whenever
 * {@code decodeClient} accepts an event, {@code decodeRecord(encode(event))} accepts it too and
 * gives back an equal event; no body makes either decoder throw. The coverage checks keep the
 * generators honest: a fair share of the bodies is accepted, and a fair share rejected. jqwik's own
 * edge cases are off: the generators put the contract's boundaries in themselves, at known rates,
 * where jqwik's combined edge cases of sixteen fields made most bodies invalid.
 */
class AcceptedIsConsumablePropertyTests {

    private static final Instant NOW = Samples.RECEIVED_AT;
    private static final EventCodec CODEC = EventCodec.create();
    private static final ClientBodies BODIES = new ClientBodies(NOW);

    @Provide
    Arbitrary<String> bodies() {
        return BODIES.bodies();
    }

    @Provide
    Arbitrary<Optional<Instant>> batchSentAt() {
        return Arbitraries.longs().between(-IntakePolicy.DEFAULTS.maxSkewCorrection().toMillis() - 10,
                IntakePolicy.DEFAULTS.maxSkewCorrection().toMillis() + 10).map(NOW::plusMillis).optional(0.5);
    }

    @Property(tries = 3000, edgeCases = EdgeCasesMode.NONE)
    void whatTheClientDecoderAcceptsTheRecordDecoderAcceptsAsItIs(@ForAll("bodies") String body) {
        EventCodec.Decoded client = CODEC.decodeClient(body.getBytes(StandardCharsets.UTF_8), NOW);

        assertConsumable(client);
        Statistics.label("accepted").collect(client.isValid());
        Statistics.label("first violation").collect(client.isValid() ? "-" : client.violations().get(0).field().replaceAll("\\[\\d+\\]|\\..*", ""));
        Statistics.label("accepted").coverage(c -> {
            c.check(true).percentage(p -> p > 25);
            c.check(false).percentage(p -> p > 25);
        });
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void whatTheDecoderAcceptsAsABatchElementIsConsumableToo(@ForAll("bodies") String body,
                                                             @ForAll("batchSentAt") Optional<Instant> batchSentAt) {
        JsonNode element;
        try {
            element = CODEC.mapper().readTree(body);
        } catch (JacksonException | NumberFormatException e) {
            return; // the batch envelope refuses the whole batch; no element is decoded
        }
        assertConsumable(CODEC.decodeClient(element, NOW, batchSentAt.orElse(null)));
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void theOnePassRecordReaderAgreesWithTheTreeOnEveryBody(@ForAll("bodies") String body) {
        byte[] record = body.getBytes(StandardCharsets.UTF_8);

        assertThat(CODEC.decodeRecord(record)).isEqualTo(CODEC.decodeRecordTree(record));
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
