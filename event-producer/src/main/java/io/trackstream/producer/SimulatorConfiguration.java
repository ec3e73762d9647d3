package io.trackstream.producer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.trackstream.model.EventCodec;
import io.trackstream.producer.traffic.EventClock;
import io.trackstream.producer.traffic.TrafficGenerator;
import io.trackstream.producer.traffic.TrafficSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/** Wires the plain simulator classes from {@link SimulatorProperties}. */
@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

    @Bean
    EventCodec eventCodec() {
        return EventCodec.create();
    }

    // The service's one JSON configuration: Boot's Jackson auto-configuration backs off when a
    // JsonMapper bean exists, so the actuator, the HTTP sink and the ground-truth file share the codec's.
    @Bean
    JsonMapper jsonMapper(EventCodec codec) {
        return codec.mapper();
    }

    @Bean
    TrafficGenerator trafficGenerator(SimulatorProperties properties) {
        EventClock clock = properties.start() == null
                ? EventClock.system(Clock.systemUTC())
                : EventClock.simulated(properties.start(), properties.rate(), properties.timeScale());
        // events per second of event time: a backfill at --time-scale 60 packs 60 s of traffic into each real one
        double eventsPerSecond = properties.start() == null ? properties.rate() : properties.rate() / properties.timeScale();
        TrafficSettings settings = new TrafficSettings(properties.seed(), properties.users(),
                properties.lateFraction(), properties.maxLateness(), properties.duplicateFraction(),
                properties.fraudFraction(), eventsPerSecond);
        if (settings.sessionsNeeded() > properties.users()) {
            org.slf4j.LoggerFactory.getLogger(SimulatorConfiguration.class).warn(
                    "--users={} is fewer than the {} sessions this rate keeps open: think times come shorter; raise --users",
                    properties.users(), settings.sessionsNeeded());
        }
        return new TrafficGenerator(settings, clock);
    }

    @Bean
    EventSink eventSink(SimulatorProperties properties, EventCodec codec,
                        ObjectProvider<ProducerFactory<String, byte[]>> producerFactory) {
        return switch (properties.target()) {
            case KAFKA -> new KafkaEventSink(producerFactory.getObject().createProducer(), codec, Clock.systemUTC());
            case HTTP -> new HttpEventSink(properties.ingestUrl(), properties.batchSize(), properties.maxInFlight(), codec);
        };
    }

    @Bean
    Simulation simulation(SimulatorProperties properties, TrafficGenerator generator, EventSink sink) {
        return new Simulation(generator, sink, properties.rate(), properties.events(), properties.duration(),
                System::nanoTime, java.util.concurrent.locks.LockSupport::parkNanos);
    }

    @Bean
    SimulationRunner simulationRunner(SimulatorProperties properties, Simulation simulation,
                                      TrafficGenerator generator, EventCodec codec) {
        return new SimulationRunner(properties, simulation, generator, codec);
    }

    @Bean
    MeterBinder simulatorMetrics(SimulatorProperties properties, Simulation simulation, EventSink sink) {
        String target = properties.target().name().toLowerCase(java.util.Locale.ROOT);
        return registry -> {
            FunctionCounter.builder("trackstream.simulator.events.sent", simulation, Simulation::sent)
                    .description("Events handed to the sink, duplicates included")
                    .tag("target", target).register(registry);
            FunctionCounter.builder("trackstream.simulator.events.acknowledged", sink, EventSink::acknowledged)
                    .description("Events the destination acknowledged")
                    .tag("target", target).register(registry);
            FunctionCounter.builder("trackstream.simulator.events.failed", sink, EventSink::failed)
                    .description("Events that failed to arrive")
                    .tag("target", target).register(registry);
            Gauge.builder("trackstream.simulator.rate.target", properties, SimulatorProperties::rate)
                    .description("The configured rate in events per second")
                    .tag("target", target).register(registry);
        };
    }
}
