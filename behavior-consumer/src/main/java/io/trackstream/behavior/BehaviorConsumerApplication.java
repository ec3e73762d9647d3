package io.trackstream.behavior;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The behaviour service: Kafka Streams application {@code behavior-analyzers} turns
 * {@code user-activities} into sessions, user profiles and daily insights in Cassandra, and the
 * same process serves them over REST.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BehaviorConsumerApplication {

    public static void main(String[] args) {
        SpringApplication.run(BehaviorConsumerApplication.class, args);
    }
}
