package io.trackstream.fraud;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The fraud consumer: Kafka Streams application {@code fraud-detectors} judges every event of
 * {@code user-activities} against the fraud rules and publishes alerts to {@code fraud-alerts}; the
 * same process stores the alerts in Cassandra and serves alerts and rules over REST.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FraudConsumerApplication {

    public static void main(String[] args) {
        SpringApplication.run(FraudConsumerApplication.class, args);
    }
}
