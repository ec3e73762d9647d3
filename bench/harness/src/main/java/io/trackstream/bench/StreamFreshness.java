package io.trackstream.bench;

import io.trackstream.model.Topics;
import io.trackstream.stack.JvmProcess;
import io.trackstream.stack.LocalStack;
import io.trackstream.stack.ReactorJars;
import io.trackstream.stack.ServiceLauncher;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * How fresh each stream service's answers are (issues 21-24): events sent through ingest-api at a
 * steady 2,000/s, and for a sample of them the time from the {@code 202} until the event shows
 * where a user of the service looks. Each service runs alone with ingest-api, as in its drain, so
 * a figure is not another service's CPU.
 *
 * <ul>
 *   <li>analytics: the sample's event type (a custom type, one per sample) appears in
 *       {@code /summary} for its hour, which one poller reads every 100 ms;</li>
 *   <li>behavior: the sample's user (one per sample) has a profile, the oldest waiting polled every 50 ms;</li>
 *   <li>fraud: an alert for the sample's user (a purchase of 900.00, one user per sample) is on
 *       {@code fraud-alerts}, read committed, as a downstream consumer reads it;</li>
 *   <li>dashboard: the sample (a purchase of 1.00 by a new user; the load has no purchases) is in
 *       the revenue of a {@code snapshot} message on the SSE stream. Revenue is a sum, so the
 *       k-th accepted sample counts as shown once the revenue has grown by k: exact when events
 *       are processed in acceptance order, and within a partition's processing skew when not.</li>
 * </ul>
 * The other events are page views of 5,000 users. Before the measured window the same load runs
 * unsampled, so the service's code is compiled and its stores hold the users.
 */
final class StreamFreshness {

    static final int RATE = 2_000;
    /** One sample a fifth of a second: enough for a p99, too few for their reads to be a load of their own. */
    private static final int SAMPLE_EVERY = 400;
    private static final URI TRACK = URI.create("http://127.0.0.1:" + Pipeline.INGEST_PORT + "/api/v1/events/track");

    private final LocalStack stack;
    private final Path work;
    private final boolean quick;
    private final Profiles profiles;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final List<StreamDrains.Service> services;

    StreamFreshness(LocalStack stack, Path work, boolean quick, Profiles profiles, List<StreamDrains.Service> services) {
        this.stack = stack;
        this.work = work;
        this.quick = quick;
        this.profiles = profiles;
        this.services = services;
    }

    /** Each service's freshness, one service at a time; its RSS at the end of its window into {@code rss}. */
    List<Measurement> run(Map<String, Double> rss) {
        List<Measurement> results = new ArrayList<>();
        for (StreamDrains.Service service : services) {
            try (org.apache.kafka.clients.admin.Admin admin = stack.openAdmin()) {
                Pipeline.skipToEnd(admin, service.group());
            }
            JvmProcess process = new ServiceLauncher(stack, work.resolve("services"))
                    .start(service.name(), ReactorJars.jar(service.name()), "384m", service.port(), List.of())
                    .orElseThrow(() -> new IllegalStateException(service.name() + " is not built"));
            try (Probe probe = probe(service)) {
                profiles.start(process.pid(), service.name() + "-at-" + RATE);
                results.add(measure(service, probe));
                profiles.dump(process.pid(), service.name() + "-at-" + RATE);
                double mib = Machine.rssMiB(process.pid());
                rss.put(service.name() + " (at " + RATE + "/s)", mib);
            } finally {
                process.stop(Duration.ofSeconds(30));
            }
        }
        return results;
    }

    private Measurement measure(StreamDrains.Service service, Probe probe) {
        // unsampled: the service compiles its code and fills its stores with the load's users
        PacedLoad.run(TRACK, RATE, Duration.ofSeconds(quick ? 10 : 30), i -> loadBody(i, Instant.now()), PacedLoad.AcceptedListener.NONE);
        String run = Long.toString(System.nanoTime(), 36);
        probe.begin();
        PacedLoad.Result load = PacedLoad.run(TRACK, RATE, Duration.ofSeconds(quick ? 15 : 60),
                i -> i % SAMPLE_EVERY == 0 ? probe.sampleBody(marker(run, i), Instant.now()) : loadBody(i, Instant.now()),
                (i, acceptedAt) -> {
                    if (i % SAMPLE_EVERY == 0) {
                        probe.samples.accepted(marker(run, i), System.nanoTime());
                        probe.follow(marker(run, i));
                    }
                });
        long lagAtEnd = lag(service.group());
        long deadline = System.nanoTime() + probe.patience().toNanos();
        while (probe.samples.pending() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        Samples samples = probe.samples;
        return new Measurement(service.name() + " freshness (202 to " + probe.where() + ") at " + RATE + "/s", "events/s",
                load.achievedRate(), null, null, samples.latencies().asMap(),
                samples.seen() + " sampled events" + (samples.pending() > 0
                        ? ", " + samples.pending() + " not shown within " + probe.patience().toSeconds() + " s " + probe.lastMiss() : "")
                        + "; group lag when the load stopped: " + lagAtEnd + " events; " + service.targets());
    }

    /** How far the service's group is behind the topic's end (committed offsets): a service that keeps up is under a second of input. */
    private long lag(String group) {
        try (org.apache.kafka.clients.admin.Admin admin = stack.openAdmin()) {
            return Pipeline.endOffsets(admin) - Pipeline.committed(admin, group);
        }
    }

    private Probe probe(StreamDrains.Service service) {
        String base = "http://127.0.0.1:" + service.port();
        return switch (service.name()) {
            case "analytics-consumer" -> new SummaryProbe(base);
            case "behavior-consumer" -> new ProfileProbe(base);
            case "fraud-consumer" -> new AlertProbe(stack.kafkaBootstrapServers());
            case "dashboard-consumer" -> new SnapshotProbe(base);
            default -> throw new IllegalArgumentException(service.name());
        };
    }

    private static String marker(String run, int i) {
        return "f" + run + "x" + i;
    }

    private static String loadBody(int i, Instant now) {
        return "{\"user_id\":\"load-" + (i % 5_000) + "\",\"event_type\":\"page_view\",\"timestamp\":\"" + now
                + "\",\"page_url\":\"/products/" + (i % 200) + "\",\"properties\":{\"product_id\":\"P-" + (i % 200) + "\",\"price\":19.90}}";
    }

    /** A new user's purchase, worth {@code amount} (a JSON member). */
    private static String purchaseBody(String marker, Instant now, String amount) {
        return "{\"user_id\":\"" + marker + "\",\"event_type\":\"purchase\",\"timestamp\":\"" + now
                + "\",\"properties\":{\"product_id\":\"P-9\"," + amount + ",\"currency\":\"USD\"}}";
    }

    /** Accepted and shown times of the samples (nanoTime), by marker. */
    static final class Samples {
        private final Map<String, Long> accepted = new ConcurrentHashMap<>();
        private final Map<String, Long> shown = new ConcurrentHashMap<>();
        /** Markers in the order of their 202s: the order a sum counts them in. */
        final List<String> order = new CopyOnWriteArrayList<>();

        void accepted(String marker, long at) {
            accepted.put(marker, at);
            order.add(marker);
        }

        void shown(String marker, long at) {
            shown.putIfAbsent(marker, at);
        }

        int pending() {
            return (int) accepted.keySet().stream().filter(m -> !shown.containsKey(m)).count();
        }

        int seen() {
            return (int) accepted.keySet().stream().filter(shown::containsKey).count();
        }

        /** A sample read before its 202 reached us (the consumer can be that quick) counts as 0. */
        Percentiles latencies() {
            long[] nanos = accepted.entrySet().stream().filter(e -> shown.containsKey(e.getKey()))
                    .mapToLong(e -> Math.max(0, shown.get(e.getKey()) - e.getValue())).toArray();
            return Percentiles.ofNanos(nanos, nanos.length);
        }
    }

    /** Where a sample shows, and how it is looked for. */
    abstract static class Probe implements AutoCloseable {
        final Samples samples = new Samples();
        final AtomicBoolean open = new AtomicBoolean(true);

        abstract String sampleBody(String marker, Instant now);

        abstract String where();

        /** The last answer that did not show a sample, for the note when samples are missing. */
        String lastMiss() {
            return "";
        }

        /** Called before the first sample is sent. */
        void begin() {
        }

        /** Called at a sample's 202 on the load's thread: quick. */
        void follow(String marker) {
        }

        Duration patience() {
            return Duration.ofSeconds(30);
        }

        @Override
        public void close() {
            open.set(false);
        }
    }

    /** One summary read every 100 ms finds every sample type that has arrived. */
    private final class SummaryProbe extends Probe {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final URI summary;

        SummaryProbe(String base) {
            Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
            // two hours: a window that crosses the hour finds its samples in either
            this.summary = URI.create(base + "/api/v1/analytics/summary?granularity=hour&from=" + hour + "&to=" + hour.plus(2, ChronoUnit.HOURS));
        }

        @Override
        void begin() {
            Pattern marker = Pattern.compile("\"(f[0-9a-z]+x\\d+)\"");
            timer.scheduleWithFixedDelay(() -> {
                try {
                    String body = http.send(HttpRequest.newBuilder(summary).build(), HttpResponse.BodyHandlers.ofString()).body();
                    long now = System.nanoTime();
                    Matcher found = marker.matcher(body);
                    while (found.find()) {
                        samples.shown(found.group(1), now);
                    }
                } catch (IOException e) {
                    // the next read in 100 ms
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
        }

        @Override
        String sampleBody(String marker, Instant now) {
            return "{\"user_id\":\"load-" + Math.floorMod(marker.hashCode(), 5_000) + "\",\"event_type\":\"" + marker + "\",\"timestamp\":\"" + now + "\"}";
        }

        @Override
        String where() {
            return "in /summary for its hour";
        }

        @Override
        public void close() {
            super.close();
            timer.shutdownNow();
        }
    }

    /**
     * The profiles of the oldest samples not shown yet, asked by one poller every 50 ms. Samples
     * show about in the order they were accepted (a user lives in one partition, and partitions
     * advance together), so asking for the oldest few finds each within a poll or two while the
     * probe's reads stay a few dozen a second, however far the service falls behind. Polling every
     * waiting sample instead made 1,500 reads a second of a lagging service: 60 % of its CPU, the
     * probe measuring itself. A sample that shows before older ones is seen once they have shown,
     * so a figure can only be late, not early.
     */
    private final class ProfileProbe extends Probe {
        private static final int OLDEST = 4;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final java.util.Queue<String> waiting = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final String base;
        private volatile String lastMiss = "none";

        ProfileProbe(String base) {
            this.base = base;
        }

        @Override
        void begin() {
            timer.scheduleWithFixedDelay(this::pollOldest, 0, 50, TimeUnit.MILLISECONDS);
        }

        @Override
        void follow(String marker) {
            waiting.add(marker);
        }

        private void pollOldest() {
            int asked = 0;
            for (var it = waiting.iterator(); it.hasNext() && asked < OLDEST && open.get(); asked++) {
                String marker = it.next();
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/users/" + marker + "/profile")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        samples.shown(marker, System.nanoTime());
                        it.remove();
                    } else {
                        lastMiss = response.statusCode() + " " + response.body();
                    }
                } catch (IOException e) {
                    lastMiss = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        String sampleBody(String marker, Instant now) {
            return "{\"user_id\":\"" + marker + "\",\"event_type\":\"page_view\",\"timestamp\":\"" + now
                    + "\",\"session_id\":\"s-" + marker + "\",\"page_url\":\"/products/7\"}";
        }

        @Override
        String where() {
            return "in its user's /profile";
        }

        @Override
        String lastMiss() {
            return lastMiss;
        }

        @Override
        public void close() {
            super.close();
            timer.shutdownNow();
        }
    }

    /** Reads {@code fraud-alerts} from its end, read committed, on its own thread. */
    private final class AlertProbe extends Probe {
        private final KafkaConsumer<String, String> consumer;
        private final Thread reader;

        AlertProbe(String bootstrapServers) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = IntStream.range(0, Topics.FRAUD_ALERTS_PARTITIONS)
                    .mapToObj(p -> new TopicPartition(Topics.FRAUD_ALERTS, p)).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before any sample is sent
            reader = new Thread(this::read, "fraud-alert-probe");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            Pattern user = Pattern.compile("\"user_id\":\"(f[0-9a-z]+x\\d+)\"");
            try {
                while (open.get()) {
                    for (ConsumerRecord<String, String> alert : consumer.poll(Duration.ofMillis(50))) {
                        Matcher found = user.matcher(alert.value());
                        if (found.find()) {
                            samples.shown(found.group(1), System.nanoTime());
                        }
                    }
                }
            } finally {
                consumer.close();
            }
        }

        @Override
        String sampleBody(String marker, Instant now) {
            return purchaseBody(marker, now, "\"cart_value\":900.00");
        }

        @Override
        String where() {
            return "an alert on fraud-alerts";
        }

        /** Rules that compare events wait for the 2-minute grace; a high value needs no order. */
        @Override
        Duration patience() {
            return Duration.ofSeconds(150);
        }

        @Override
        public void close() {
            super.close();
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One SSE client reading the stream's snapshots; a sample shows in the revenue. */
    private final class SnapshotProbe extends Probe {
        private static final Pattern USD = Pattern.compile("\"revenue\":\\{[^}]*\"USD\":\"([0-9.]+)\"");
        private final Thread reader;
        private volatile double revenueBefore = Double.NaN;
        private volatile double lastRevenue;

        SnapshotProbe(String base) {
            HttpResponse<java.util.stream.Stream<String>> stream;
            try {
                stream = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/dashboard/stream")).build(),
                        HttpResponse.BodyHandlers.ofLines());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            reader = new Thread(() -> read(stream.body()), "sse-probe");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(java.util.stream.Stream<String> lines) {
            String[] event = {""};
            lines.takeWhile(line -> open.get()).forEach(line -> {
                if (line.startsWith("event:")) {
                    event[0] = line.substring(6).strip();
                } else if (line.startsWith("data:") && event[0].equals("snapshot")) {
                    Matcher usd = USD.matcher(line);
                    double revenue = usd.find() ? Double.parseDouble(usd.group(1)) : 0;
                    lastRevenue = revenue;
                    if (!Double.isNaN(revenueBefore)) {
                        long now = System.nanoTime();
                        // each sample is worth 1.00: the k-th accepted shows once the revenue grew by k
                        int shown = (int) Math.round(revenue - revenueBefore);
                        List<String> order = samples.order;
                        for (int k = 0; k < Math.min(shown, order.size()); k++) {
                            samples.shown(order.get(k), now);
                        }
                    }
                }
            });
        }

        @Override
        void begin() {
            // the load before the window had no purchases: the revenue of the last 5 minutes is steady now
            double seen = lastRevenue;
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3));
            revenueBefore = Math.max(seen, lastRevenue);
        }

        @Override
        String sampleBody(String marker, Instant now) {
            return purchaseBody(marker, now, "\"price\":1.00");
        }

        @Override
        String where() {
            return "a snapshot on the SSE stream";
        }

        @Override
        public void close() {
            super.close();
            reader.interrupt();
        }
    }
}
