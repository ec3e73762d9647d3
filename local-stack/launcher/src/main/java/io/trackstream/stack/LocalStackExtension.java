package io.trackstream.stack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JUnit extension that gives integration tests a running local stack: started once per test JVM
 * on free ports, shared by every test class of the run, stopped by its shutdown hook when the JVM
 * exits. Not when the test run ends: Spring keeps its test contexts cached until the JVM exits,
 * and with the servers already gone their Kafka clients spent longer than Surefire allows a
 * forked JVM to exit (30 s) trying to reach the broker, so Surefire killed the fork.
 *
 * <p>Before any Spring context loads it publishes the standard Spring Boot properties
 * ({@code spring.kafka.bootstrap-servers}, {@code spring.cassandra.*}, the Streams replication factor of
 * one broker) and {@code trackstream.data-dir} as system properties, so a
 * {@code @SpringBootTest} connects to the stack with no further set-up.
 *
 * <p>Kafka is always started; Cassandra only once a test class asks for it
 * ({@link LocalStackTest#cassandra()}), so a module whose services use no Cassandra never starts it.
 *
 * <p>Use {@link LocalStackTest} on a test class, and {@link #stack()} to reach the servers.
 * Set {@code TRACKSTREAM_KAFKA_BOOTSTRAP_SERVERS} / {@code TRACKSTREAM_CASSANDRA_CONTACT_POINT} to
 * run the tests against existing servers (Testcontainers, a CI service) instead.
 */
public final class LocalStackExtension implements BeforeAllCallback {

    private static LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        boolean cassandra = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), LocalStackTest.class)
                .map(LocalStackTest::cassandra)
                .orElse(true);
        stack(cassandra);
    }

    /** The stack of this test JVM as its test classes asked for it; started with Cassandra when none did yet. */
    public static synchronized LocalStack stack() {
        return stack == null ? stack(true) : stack;
    }

    private static synchronized LocalStack stack(boolean cassandra) {
        if (stack == null) {
            Path dataDir = freshDataDir();
            StackConfig config = StackConfig.tests(dataDir);
            stack = cassandra ? LocalStack.start(config) : LocalStack.startKafkaOnly(config);
            System.setProperty("spring.kafka.bootstrap-servers", stack.kafkaBootstrapServers());
            // Files a service under test keeps (Kafka Streams state) go with the stack's data, in target/.
            System.setProperty("trackstream.data-dir", dataDir.resolve("services").toString());
            if (stack.kafka().isPresent()) {
                System.setProperty("spring.kafka.streams.replication-factor", "1");
            }
        } else if (cassandra) {
            stack.startCassandra();
        }
        if (stack.hasCassandra()) {
            System.setProperty("spring.cassandra.contact-points", stack.cassandraContactPointString());
            System.setProperty("spring.cassandra.local-datacenter", stack.cassandraLocalDatacenter());
            System.setProperty("spring.cassandra.keyspace-name", stack.keyspace());
        }
        return stack;
    }

    private static Path freshDataDir() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(target.toAbsolutePath(), "local-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
