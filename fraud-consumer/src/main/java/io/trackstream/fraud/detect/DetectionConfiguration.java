package io.trackstream.fraud.detect;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trackstream.fraud.FraudProperties;
import io.trackstream.fraud.rules.Rule;
import io.trackstream.streams.StreamsSettings;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Builds the fraud topology on the shared Streams set-up and binds the detector's metrics to Micrometer. */
@Configuration(proxyBeanMethods = false)
class DetectionConfiguration {

    @Bean
    KStream<String, FraudAlert> fraudAlerts(StreamsBuilder builder, StreamsSettings streams, FraudProperties fraud,
                                            MeterRegistry meters) {
        return FraudTopology.build(builder, streams.dedupHorizon(), fraud.grace(), fraud.idleFlush(),
                new MicrometerMetrics(meters));
    }

    /** {@code trackstream.fraud.*} meters; tags are rule names and results only. */
    static final class MicrometerMetrics implements DetectorMetrics {

        private final Map<Rule, Counter> alerts = new EnumMap<>(Rule.class);
        private final Counter judged;
        private final Counter tooLate;
        private final Timer evaluation;
        private final Timer detectionOnArrival;
        private final Timer detectionInOrder;

        MicrometerMetrics(MeterRegistry meters) {
            for (Rule rule : Rule.values()) {
                alerts.put(rule, Counter.builder("trackstream.fraud.alerts").description("alerts raised")
                        .tag("rule", rule.name()).register(meters));
            }
            judged = Counter.builder("trackstream.fraud.records.judged").description("events judged against the rules")
                    .tag("result", "judged").register(meters);
            tooLate = Counter.builder("trackstream.fraud.records.judged").description("events judged against the rules")
                    .tag("result", "too_late").register(meters);
            evaluation = Timer.builder("trackstream.fraud.rule.evaluation")
                    .description("time to judge one event against the order-dependent rules, state read and write included")
                    .register(meters);
            detectionOnArrival = detection(meters, "on_arrival");
            detectionInOrder = detection(meters, "in_order");
        }

        // Tagged by how the rule judges: single-event rules alert within moments, order-dependent ones
        // about the grace after their event, and one histogram of both would hide either's percentiles.
        private static Timer detection(MeterRegistry meters, String judged) {
            return Timer.builder("trackstream.fraud.detection.latency")
                    .description("from the server's receipt of the triggering event until its alert was raised; judged="
                            + "on_arrival: single-event rules, in_order: order-dependent rules, after the reorder grace")
                    .tag("judged", judged).publishPercentileHistogram().register(meters);
        }

        @Override
        public void judged(long nanos) {
            judged.increment();
            evaluation.record(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void tooLate() {
            tooLate.increment();
        }

        @Override
        public void alert(Rule rule, java.time.Duration latency, boolean onArrival) {
            alerts.get(rule).increment();
            (onArrival ? detectionOnArrival : detectionInOrder).record(latency);
        }
    }
}
