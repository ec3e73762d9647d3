package io.trackstream.producer;

import io.trackstream.model.EventCodec;
import io.trackstream.producer.traffic.GroundTruth;
import io.trackstream.producer.traffic.TrafficGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Starts the simulation once the context is up: a finite run in the calling thread (so the
 * application exits when it ends, with its status from {@link #getExitCode()}), an endless one in a
 * thread of its own that shutdown stops. Prints progress and the summary, and writes the ground
 * truth at the end when asked to.
 */
final class SimulationRunner implements ApplicationRunner, ExitCodeGenerator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SimulationRunner.class);

    private final SimulatorProperties properties;
    private final Simulation simulation;
    private final TrafficGenerator generator;
    private final EventCodec codec;
    private final boolean terminal = System.console() != null;
    private volatile boolean stopping;
    private volatile boolean finished;
    private volatile int exitCode;
    private Thread thread;

    SimulationRunner(SimulatorProperties properties, Simulation simulation, TrafficGenerator generator,
                     EventCodec codec) {
        this.properties = properties;
        this.simulation = simulation;
        this.generator = generator;
        this.codec = codec;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info("Simulating {} events/s to {} (seed {}, {} users){}", format(properties.rate()),
                describeTarget(), properties.seed(), properties.users(),
                properties.finite() ? "" : " until stopped");
        if (properties.finite()) {
            runOnce();
        } else {
            thread = new Thread(this::runOnce, "simulator");
            thread.start();
        }
    }

    private void runOnce() {
        try {
            Duration every = terminal ? Duration.ofSeconds(1) : properties.progressInterval();
            Progress.Snapshot last = simulation.run(() -> stopping, every, this::report);
            if (terminal) {
                System.out.println();
            }
            log.info(Progress.summary(last, describeTarget()));
            writeGroundTruth();
            exitCode = last.failed() > 0 ? 1 : 0;
        } catch (RuntimeException e) {
            log.error("Simulation failed", e);
            exitCode = 1;
        } finally {
            finished = true;
        }
    }

    private void report(Progress.Snapshot snapshot) {
        if (terminal) {
            System.out.print("\r" + Progress.line(snapshot) + "   ");
            System.out.flush();
        } else {
            log.info(Progress.line(snapshot));
        }
    }

    private void writeGroundTruth() {
        Path path = properties.groundTruth();
        if (path == null) {
            return;
        }
        GroundTruth truth = generator.groundTruth();
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            codec.mapper().writerWithDefaultPrettyPrinter().writeValue(path.toFile(), truth);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ground truth to " + path, e);
        }
        log.info("Ground truth written to {}: {} events, {} fraud cases, {} late, {} duplicates", path,
                truth.events(), truth.fraudCases().size(), truth.lateEventIds().size(),
                truth.duplicateEventIds().size());
    }

    private String describeTarget() {
        return properties.target() == SimulatorProperties.Target.HTTP ? properties.ingestUrl().toString() : "Kafka";
    }

    private static String format(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.format(Locale.ROOT, "%.2f", rate);
    }

    /** True once a run has ended (always false while an endless run goes on). */
    boolean finished() {
        return finished;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        if (thread != null) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }
}
