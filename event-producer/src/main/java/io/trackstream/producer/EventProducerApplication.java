package io.trackstream.producer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The traffic simulator. With {@code --events} or {@code --duration} it runs once and exits (status 0,
 * or 1 when events failed to arrive, 2 for bad options); with neither it runs until stopped and serves
 * actuator health and Prometheus metrics on its port.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EventProducerApplication {

    public static void main(String[] args) {
        String[] springArgs;
        try {
            springArgs = CommandLineOptions.toSpringArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("event-producer: " + e.getMessage());
            System.exit(2);
            return;
        }
        ConfigurableApplicationContext context;
        try {
            context = application(springArgs).run(springArgs);
        } catch (RuntimeException e) {
            // Spring Boot has already printed why (a bad option is named in its report).
            System.exit(2);
            return;
        }
        if (context.getBean(SimulationRunner.class).finished()) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /**
     * Runs a finite simulation to its end and returns the exit status, without exiting the JVM: the
     * entry point for tests and for embedding.
     */
    public static int runToCompletion(String... args) {
        String[] springArgs = CommandLineOptions.toSpringArgs(args);
        if (!CommandLineOptions.finite(springArgs)) {
            throw new IllegalArgumentException("runToCompletion needs --events or --duration");
        }
        return SpringApplication.exit(application(springArgs).run(springArgs));
    }

    private static SpringApplication application(String[] springArgs) {
        SpringApplication application = new SpringApplication(EventProducerApplication.class);
        if (CommandLineOptions.finite(springArgs)) {
            // A run that ends by itself needs no HTTP port, and two such runs must not collide on one.
            application.setWebApplicationType(WebApplicationType.NONE);
        }
        return application;
    }
}
