package io.trackstream.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The dashboard: application id {@code dashboard-processors} keeps live figures of the last minutes
 * of {@code user-activities} (wall clock), merged across instances, and serves them as a snapshot,
 * a server-sent event stream with the newest events and fraud alerts, Prometheus gauges and a live page.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DashboardConsumerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DashboardConsumerApplication.class, args);
    }
}
