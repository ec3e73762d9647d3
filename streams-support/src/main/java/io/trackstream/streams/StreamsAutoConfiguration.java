package io.trackstream.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * The shared Kafka Streams set-up of every stream service: with this module on the classpath a
 * service declares only its topology (a bean that builds on the {@code StreamsBuilder}, starting
 * from {@link EventStream#events}), its tables and its API.
 *
 * <p>It enables spring-kafka's {@code StreamsBuilderFactoryBean}; Boot configures it from
 * {@code spring.kafka.streams.*}, whose defaults {@link StreamsDefaults} supplies (exactly_once_v2,
 * the state directory, bounded RocksDB, the dead-letter topic) and registers the Kafka Streams
 * Micrometer metrics once. This adds the readiness component and the 503 for stores mid-rebalance.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableKafkaStreams
@EnableConfigurationProperties(StreamsSettings.class)
public class StreamsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StreamsAutoConfiguration.class);

    @Bean("kafkaStreams")
    StreamsReadiness kafkaStreamsReadiness() {
        return new StreamsReadiness();
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer trackstreamStreamsConfigurer(StreamsReadiness readiness,
            @Value("${spring.kafka.streams.state-dir:}") String stateDir) {
        return factoryBean -> {
            factoryBean.setStateListener(readiness);
            factoryBean.setStreamsUncaughtExceptionHandler(StreamsAutoConfiguration::onUncaughtException);
            factoryBean.addListener(new org.springframework.kafka.config.StreamsBuilderFactoryBean.Listener() {
                @Override
                public void streamsAdded(String id, KafkaStreams streams) {
                    log.info("Kafka Streams application {} starting; Kafka {}, state in {}",
                            factoryBean.getStreamsConfiguration().get("application.id"),
                            factoryBean.getStreamsConfiguration().get("bootstrap.servers"), stateDir);
                }
            });
        };
    }

    // A stream thread that died of a bug or a fatal broker error is replaced: under exactly-once its
    // tasks resume from the last commit. The global-table thread cannot be replaced (Kafka Streams
    // refuses it and the table would stay dead), so then the client shuts down: readiness goes DOWN
    // and the orchestrator restarts the instance.
    static StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse onUncaughtException(Throwable e) {
        if (Thread.currentThread().getName().contains("GlobalStreamThread")) {
            log.error("global stream thread failed; shutting this Kafka Streams client down", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        log.error("stream thread failed; replacing it", e);
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        @Bean
        StoreUnavailableAdvice storeUnavailableAdvice() {
            return new StoreUnavailableAdvice();
        }
    }
}
