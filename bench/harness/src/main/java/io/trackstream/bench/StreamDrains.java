package io.trackstream.bench;

import io.trackstream.stack.JvmProcess;
import io.trackstream.stack.LocalStack;
import io.trackstream.stack.ReactorJars;
import io.trackstream.stack.ServiceLauncher;
import org.apache.kafka.clients.admin.Admin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The drain rate of each stream service on the backlog already on {@code user-activities}, next
 * to the raw Kafka Streams baseline of the same run (issues 21-24). Each service has its own group,
 * so each drains the whole topic from the beginning; they run one at a time, each stopped before
 * the next, its RSS taken at the end of its drain. The clock runs from the service's health
 * answering to its group's committed offsets reaching the end offsets, as for storage's cold drain.
 */
final class StreamDrains {

    /** Service, consumer group, port, and its targets from its issue (noted in the report). */
    record Service(String name, String group, int port, String targets) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("analytics-consumer", "analytics-processors", 18082,
                    "targets: drain >= 40 % of raw Streams, freshness p99 <= 2 s, RSS <= 768 MiB"),
            new Service("fraud-consumer", "fraud-detectors", 18083,
                    "targets: drain >= 40 % of raw Streams, detection p99 <= 500 ms (its 2-minute event-time grace dominates), RSS <= 768 MiB"),
            new Service("behavior-consumer", "behavior-analyzers", 18084,
                    "targets: drain >= 30 % of raw Streams, freshness p99 <= 2 s, RSS <= 768 MiB"),
            new Service("dashboard-consumer", "dashboard-processors", 18085,
                    "targets: freshness p99 <= 1.5 s, RSS <= 512 MiB"));

    private final LocalStack stack;
    private final Path work;
    private final Profiles profiles;
    private final List<Service> services;

    StreamDrains(LocalStack stack, Path work, Profiles profiles, List<Service> services) {
        this.stack = stack;
        this.work = work;
        this.profiles = profiles;
        this.services = services;
    }

    /** The services named in {@code names} (comma-separated), all of them when it is empty. */
    static List<Service> named(String names) {
        if (names.isEmpty()) {
            return SERVICES;
        }
        List<String> wanted = List.of(names.split(","));
        List<Service> chosen = SERVICES.stream().filter(s -> wanted.contains(s.name())).toList();
        if (chosen.size() != wanted.size()) {
            throw new IllegalArgumentException("--services takes some of " + SERVICES.stream().map(Service::name).toList() + ": " + names);
        }
        return chosen;
    }

    /** Each service's drain against {@code rawStreams}; each service's RSS at the end of its drain into {@code rss}. */
    List<Measurement> run(Measurement rawStreams, Map<String, Double> rss) {
        List<Measurement> results = new ArrayList<>();
        try (Admin admin = stack.openAdmin()) {
            for (Service service : services) {
                long target = Pipeline.endOffsets(admin);
                long started = System.nanoTime();
                JvmProcess process = new ServiceLauncher(stack, work.resolve("services"))
                        .start(service.name(), ReactorJars.jar(service.name()), "384m", service.port(), List.of())
                        .orElseThrow(() -> new IllegalStateException(service.name() + " is not built"));
                try {
                    long healthy = System.nanoTime();
                    profiles.start(process.pid(), service.name() + "-drain");
                    Pipeline.awaitCommitted(admin, service.group(), target, Duration.ofMinutes(20));
                    double seconds = (System.nanoTime() - healthy) / 1e9;
                    profiles.dump(process.pid(), service.name() + "-drain");
                    double mib = Machine.rssMiB(process.pid());
                    rss.put(service.name() + " (end of its drain)", mib);
                    results.add(Measurement.throughput(service.name() + " drain (pre-filled topic)", "events/s", target / seconds,
                            String.format("%d events; service start %d ms not counted; RSS %.0f MiB at the end", target,
                                    (healthy - started) / 1_000_000, mib)).against(rawStreams).noted(service.targets()));
                } finally {
                    process.stop(Duration.ofSeconds(30));
                }
            }
        }
        return results;
    }
}
