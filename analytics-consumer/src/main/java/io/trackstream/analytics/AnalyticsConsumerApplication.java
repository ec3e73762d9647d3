package io.trackstream.analytics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The analytics consumer: Kafka Streams application {@code analytics-processors} computes hourly
 * and daily figures from {@code user-activities}, upserts them into the Cassandra
 * {@code analytics_*} tables, and the same process serves them over REST.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AnalyticsConsumerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnalyticsConsumerApplication.class, args);
    }
}
