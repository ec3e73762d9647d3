package io.trackstream.bench;

import io.trackstream.stack.JvmProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw Kafka limit: Kafka's own ProducerPerformance (kafka-tools), in its own JVM, writing the
 * same payloads with ingest-api's producer settings to a topic shaped like user-activities.
 */
final class KafkaBaseline {

    /** ingest-api's producer settings; keep in step with ingest-api's application.yml. */
    static final List<String> PRODUCER_PROPS = List.of("acks=all", "enable.idempotence=true", "linger.ms=1",
            "batch.size=65536", "compression.type=snappy");

    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, "
                    + "(\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");

    private KafkaBaseline() {
    }

    static Measurement run(String name, String bootstrap, Path workDir, List<byte[]> payloads, int records, int throughput) {
        String topic = "bench-raw";
        ensureTopic(bootstrap, topic);
        Path payloadFile = workDir.resolve("payloads.jsonl");
        writePayloads(payloadFile, payloads);
        JvmProcess perf = new JvmProcess("producer-perf-" + name, workDir, List.of("-Xmx512m"), toolsClasspath(),
                "org.apache.kafka.tools.ProducerPerformance",
                concat(List.of("--topic", topic, "--num-records", Integer.toString(records),
                                "--throughput", Integer.toString(throughput), "--payload-file", payloadFile.toString(),
                                "--producer-props", "bootstrap.servers=" + bootstrap),
                        PRODUCER_PROPS));
        perf.start();
        if (perf.awaitExit(Duration.ofMinutes(15)).isEmpty()) {
            perf.kill();
            throw new IllegalStateException("ProducerPerformance did not finish:\n" + perf.logTail(20));
        }
        Matcher summary = lastSummary(perf.logFile());
        return new Measurement(name, "records/s", Double.parseDouble(summary.group(2)), null, null,
                Map.of("avg", Double.parseDouble(summary.group(4)), "p50", Double.parseDouble(summary.group(6)),
                        "p95", Double.parseDouble(summary.group(7)), "p99", Double.parseDouble(summary.group(8)),
                        "p99.9", Double.parseDouble(summary.group(9)), "max", Double.parseDouble(summary.group(5))),
                summary.group(1) + " records, " + summary.group(3) + " MB/s" + (throughput > 0 ? ", target " + throughput + "/s" : ", unthrottled"));
    }

    private static void ensureTopic(String bootstrap, String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (!names.contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + topic, e);
        }
    }

    private static void writePayloads(Path file, List<byte[]> payloads) {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (byte[] payload : payloads) {
                out.write(payload);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Matcher lastSummary(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                Matcher matcher = SUMMARY.matcher(lines.get(i));
                if (matcher.find()) {
                    return matcher;
                }
            }
            throw new IllegalStateException("no ProducerPerformance summary in " + log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String toolsClasspath() {
        try (InputStream in = KafkaBaseline.class.getClassLoader().getResourceAsStream("META-INF/trackstream/kafka-tools.classpath")) {
            if (in == null) {
                throw new IllegalStateException("missing kafka-tools classpath: build with -Pbench");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
