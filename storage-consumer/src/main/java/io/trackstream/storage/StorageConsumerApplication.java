package io.trackstream.storage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The storage consumer: group {@code storage-writers} stores every event of {@code user-activities}
 * once in bucketed Cassandra tables, and the same process serves a user's history over REST.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StorageConsumerApplication {

    public static void main(String[] args) {
        SpringApplication.run(StorageConsumerApplication.class, args);
    }
}
