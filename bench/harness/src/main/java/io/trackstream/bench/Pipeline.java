package io.trackstream.bench;

import io.trackstream.model.Topics;
import io.trackstream.stack.JvmProcess;
import io.trackstream.stack.LocalStack;
import io.trackstream.stack.ServiceLauncher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Trackstream's own figures, each next to the raw baseline it is compared with: the storage
 * drain rate of a pre-filled topic (vs raw Cassandra inserts), track and batch POST throughput
 * (vs the raw Kafka producer), steady-rate track latency, end-to-end latency from 202 to history,
 * history latency under writes, and the simulator's maximum rate to Kafka.
 */
final class Pipeline {

    static final int INGEST_PORT = 18080;
    /**
     * One event in this many is followed to the history API. The polling is load of its own:
     * sampled sparsely, and polled less often once it is late, it cannot become the bottleneck
     * it measures.
     */
    private static final int SAMPLE_EVERY = 200;
    static final int STORAGE_PORT = 18081;
    static final String STORAGE_GROUP = "storage-writers";
    private static final URI TRACK = URI.create(ingestUrl() + "/api/v1/events/track");

    private final LocalStack stack;
    private final Path work;
    private final boolean quick;
    private final List<JvmProcess> services = new ArrayList<>();
    /**
     * The end-to-end polling client, one for the warm-up and the measured window, so the window
     * finds its connections open and its code compiled. HTTP/1.1, as the load: no h2c upgrade.
     */
    private final HttpClient polls = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Pipeline(LocalStack stack, Path work, boolean quick) {
        this.stack = stack;
        this.work = work;
        this.quick = quick;
    }

    List<JvmProcess> services() {
        return services;
    }

    /**
     * storage-consumer started on a pre-filled topic, as after an outage: the rate from its health
     * answering until its group has committed the whole backlog. A fresh JVM compiles its hot code
     * during this window (a profile showed the JIT compiler at over a third of the service's CPU),
     * so this is the cold figure; {@link #storageDrainWarm} is the sustained one.
     */
    Measurement storageDrainCold(List<byte[]> payloads, List<String> keys) {
        try (Admin admin = stack.openAdmin()) {
            long before = endOffsets(admin);
            produce(payloads, keys);
            long target = endOffsets(admin);
            long started = System.nanoTime();
            start("storage-consumer", Path.of("storage-consumer/target/storage-consumer.jar"), "768m", STORAGE_PORT, List.of());
            long healthy = System.nanoTime();
            awaitCommitted(admin, STORAGE_GROUP, target, Duration.ofMinutes(20));
            double seconds = (System.nanoTime() - healthy) / 1e9;
            return Measurement.throughput("storage drain, cold start (pre-filled topic)", "events/s", (target - before) / seconds,
                    (target - before) + " events; service start " + (healthy - started) / 1_000_000 + " ms not counted");
        }
    }

    /**
     * The sustained storage rate, compared with raw inserts that ran after their own warm-up: a
     * second backlog of the same shape, produced as fast as the producer can while the warm
     * storage-consumer (it has just drained the first) takes it. The figure is the rate from the
     * moment the producer has finished (every record acknowledged) until the group has committed
     * the last: the events still uncommitted then, over that time. For its first seconds the
     * producer takes about a core of this machine's two, and the raw inserts it is compared with
     * share the machine with no producer. Also noted: the rate from the first record sent, which
     * errs low by those seconds. A poll being written when the clock starts counts whole after it
     * (at most one per thread: 12,000 events, 3 % of the 390,000-460,000 counted in a full run),
     * so the figure errs high by about 1 % on average. When less than half of the backlog was left
     * at that moment (a consumer that kept pace with the producer), the figure is the rate from
     * the first record sent. One admin client serves every offset read, so no connection is set
     * up inside the timed window.
     */
    Measurement storageDrainWarm(List<byte[]> payloads, List<String> keys) {
        try (Admin admin = stack.openAdmin()) {
            long before = endOffsets(admin);
            long started = System.nanoTime();
            produce(payloads, keys);
            long target = endOffsets(admin);
            long produced = System.nanoTime();
            long left = target - committed(admin, STORAGE_GROUP);
            awaitCommitted(admin, STORAGE_GROUP, target, Duration.ofMinutes(20));
            long done = System.nanoTime();
            double fromFirstSent = (target - before) / ((done - started) / 1e9);
            String name = "storage drain, warm (sustained)";
            if (left < (target - before) / 2) {
                // The consumer kept pace with the producer: too little was left to time on its own.
                return Measurement.throughput(name, "events/s", fromFirstSent,
                        (target - before) + " events, from the first record sent (only " + left + " were left when the producer finished)");
            }
            return Measurement.throughput(name, "events/s", left / ((done - produced) / 1e9),
                    String.format("%d events; after the producer finished: %d events in %.1f s; from the first record sent: %,.0f events/s",
                            target - before, left, (done - produced) / 1e9, fromFirstSent));
        }
    }

    /** The backlog the stream drains take, when storage's cold drain (which writes it) does not run. */
    void preFill(List<byte[]> payloads, List<String> keys) {
        produce(payloads, keys);
    }

    private void produce(List<byte[]> payloads, List<String> keys) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.COMPRESSION_TYPE_CONFIG, "snappy",
                ProducerConfig.BATCH_SIZE_CONFIG, 65536), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < payloads.size(); i++) {
                producer.send(new ProducerRecord<>(Topics.USER_ACTIVITIES, keys.get(i), payloads.get(i)));
            }
        }
    }

    void startIngest() {
        start("ingest-api", Path.of("ingest-api/target/ingest-api.jar"), "768m", INGEST_PORT, BenchSettings.INGEST_ARGS);
    }

    /**
     * JIT warm-up of every path the end-to-end phase runs (a fresh JVM runs several times slower
     * for its first seconds): the same load and polling, discarded, at a rate storage-consumer
     * keeps up with, so no backlog distorts the figures. Without it the history path, and this
     * harness's own HTTP client polling it, ran cold through the first minute of the window, and
     * their slow answers were counted as pipeline latency. History pages of 50 are read alongside,
     * at 100/s.
     */
    void warmUp() {
        Duration duration = Duration.ofSeconds(quick ? 20 : 40);
        CompletableFuture<PacedLoad.Result> reads = readInBackground(100, duration, i -> "/api/v1/users/load-" + (i % 5_000) + "/events?limit=50");
        endToEnd(2_000, duration);
        reads.join();
    }

    /**
     * Stops storage-consumer (its memory noted first) so that ingest-api is measured alone, as the
     * raw Kafka producer it is compared with runs alone.
     */
    Map<String, Double> stopStorage() {
        Map<String, Double> rss = rss();
        for (JvmProcess service : List.copyOf(services)) {
            if (service.name().equals("storage-consumer")) {
                service.stop(Duration.ofSeconds(30));
                services.remove(service);
            }
        }
        if (Wrk.available()) {
            Wrk.run("warm-up", ingestUrl(), Wrk.trackScript(work), 64, quick ? 10 : 20, 1);
        }
        return rss;
    }

    List<Measurement> trackThroughput(Measurement rawKafka) {
        List<Measurement> results = new ArrayList<>();
        Path script = Wrk.trackScript(work);
        for (int connections : Wrk.connectionCounts(quick)) {
            results.add(Wrk.run("track POST, " + connections + " connections", ingestUrl(), script, connections, quick ? 15 : 30, 1).against(rawKafka));
        }
        return results;
    }

    Measurement batchThroughput(Measurement rawKafka) {
        Path script = Wrk.batchScript(work, 100);
        return Wrk.run("batch POST (100 events)", ingestUrl(), script, 16, quick ? 15 : 30, 100).against(rawKafka);
    }

    Measurement steadyTrackLatency(int rate) {
        // The client's own first seconds (its JIT, its connections) are not the server's latency.
        PacedLoad.run(TRACK, rate, Duration.ofSeconds(5),
                i -> body("paced-warm-" + (i % 10_000), Instant.now()), PacedLoad.AcceptedListener.NONE);
        PacedLoad.Result result = PacedLoad.run(TRACK, rate,
                Duration.ofSeconds(quick ? 10 : 30), i -> body("paced-" + (i % 10_000), Instant.now()), PacedLoad.AcceptedListener.NONE);
        return new Measurement("track latency at " + rate + "/s", "events/s", result.achievedRate(), null, null,
                result.latency().asMap(), result.accepted() + " accepted, " + result.failed() + " failed");
    }

    Measurement endToEnd(int rate) {
        // 120 s, not 30: at 2,000/s Cassandra flushes a memtable every one to two minutes, and a
        // window that holds flushes in their real proportion (and 1,200 samples) gives a p99 that
        // one stall more or less does not move by hundreds of milliseconds.
        return endToEnd(rate, Duration.ofSeconds(quick ? 15 : 120));
    }

    private Measurement endToEnd(int rate, Duration window) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        long[] latencies = new long[(int) (rate * window.toSeconds() / SAMPLE_EVERY) + 1];
        AtomicInteger samples = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        AtomicInteger following = new AtomicInteger();
        String run = Long.toString(System.nanoTime(), 36);
        E2eSampler sampler = new E2eSampler(polls, timer, latencies, samples, lost, following);
        PacedLoad.Result load = PacedLoad.run(TRACK, rate, window,
                i -> body(i % SAMPLE_EVERY == 0 ? "e2e-" + run + "-" + i : "load-" + (i % 5_000), Instant.now()),
                (i, acceptedAt) -> {
                    if (i % SAMPLE_EVERY == 0) {
                        following.incrementAndGet();
                        sampler.poll("e2e-" + run + "-" + i, System.nanoTime());
                    }
                });
        // Every sample is followed to its end (visible, or given up after 10 s) before the timer stops.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (following.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        timer.shutdownNow();
        return new Measurement("end-to-end (202 to visible in history) at " + rate + "/s", "events/s", load.achievedRate(), null, null,
                Percentiles.ofNanos(latencies, samples.get()).asMap(),
                samples.get() + " sampled events" + (lost.get() > 0 ? ", " + lost.get() + " not visible within 10 s" : ""));
    }

    /**
     * Follows sampled events on the history API until each is visible. Polls are asynchronous, so
     * a slow answer never holds up the polls of other samples: with a few blocking pollers, one
     * slow period made polls queue behind each other, and the queue, not the pipeline, showed up
     * as seconds of end-to-end latency.
     */
    private record E2eSampler(HttpClient http, ScheduledExecutorService timer, long[] latencies, AtomicInteger samples,
                              AtomicInteger lost, AtomicInteger following) {

        void poll(String user, long since) {
            long waited = System.nanoTime() - since;
            timer.schedule(() -> http.sendAsync(HttpRequest.newBuilder(
                                    URI.create(storageUrl() + "/api/v1/users/" + user + "/events?limit=1")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        if (error == null && response.statusCode() == 200 && response.body().contains("\"event_id\"")) {
                            int i = samples.getAndIncrement();
                            if (i < latencies.length) {
                                latencies[i] = System.nanoTime() - since;
                            }
                            following.decrementAndGet();
                        } else if (System.nanoTime() - since > TimeUnit.SECONDS.toNanos(10)) {
                            lost.incrementAndGet();
                            following.decrementAndGet();
                        } else {
                            poll(user, since);
                        }
                    }), waited < TimeUnit.MILLISECONDS.toNanos(100) ? 5 : 25, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * History pages read at a steady {@code readRate} by the open-loop client (each query timed
     * from its due time) while events are written at {@code writeRate}, after 20 s of the same
     * load, discarded: reads alone did not warm enough, and in the first window of reads and
     * writes together both services used up to twice the CPU they used in the next. Steady, not
     * flat out: reads in a closed loop would keep both cores busy and measure the queue in front
     * of them.
     *
     * <p>Measured for 120 s (24,000 pages at 200/s), not 30: slow reads come in bursts, a young
     * pause of Cassandra or of the service delaying 5-40 reads at once, so in 6,000 pages one burst
     * more or less moved the p99 by several milliseconds. In six windows of 30 s on the local stack,
     * 0.7 % of all reads took over 20 ms, while the window p99s ranged from 11 to 26 ms.
     */
    Measurement historyUnderWrites(int writeRate, int readRate, List<String> users) {
        readsWhileWriting(writeRate, readRate, users, Duration.ofSeconds(quick ? 10 : 20));
        PacedLoad.Result result = readsWhileWriting(writeRate, readRate, users, Duration.ofSeconds(quick ? 10 : 120));
        return new Measurement("history page of 50 at " + readRate + "/s while writing " + writeRate + "/s", "queries/s",
                result.achievedRate(), null, null, result.latency().asMap(),
                result.accepted() + " pages of " + users.size() + " users, " + result.failed() + " failed");
    }

    private PacedLoad.Result readsWhileWriting(int writeRate, int readRate, List<String> users, Duration duration) {
        CompletableFuture<PacedLoad.Result> reads = readInBackground(readRate, duration,
                i -> "/api/v1/users/" + users.get((int) ((i * 7_919L) % users.size())) + "/events?limit=50");
        PacedLoad.run(TRACK, writeRate, duration,
                i -> body("load-" + (i % 5_000), Instant.now()), PacedLoad.AcceptedListener.NONE);
        // The reads end by themselves: every one answered, or given up after its grace period.
        return reads.join();
    }

    /** The simulator flat out to Kafka: its own summary line gives the achieved rate. */
    Measurement simulatorMaxRate(Measurement rawKafka, int events) {
        JvmProcess simulator = new JvmProcess("event-producer-max", work.resolve("services"), List.of("-Xmx512m"),
                Path.of("event-producer/target/event-producer.jar").toAbsolutePath().toString(),
                "org.springframework.boot.loader.launch.JarLauncher",
                List.of("--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(), "--target=kafka",
                        "--rate=1000000", "--events=" + events, "--seed=7", "--progress-interval=PT60S"));
        simulator.start();
        if (simulator.awaitExit(Duration.ofMinutes(10)).isEmpty()) {
            simulator.kill();
            throw new IllegalStateException("the simulator did not finish:\n" + simulator.logTail(20));
        }
        java.util.regex.Matcher done = java.util.regex.Pattern
                .compile("done: sent ([\\d,]+) events to \\S+ in \\S+ \\(([\\d,.]+) events/s\\), ([\\d,]+) acknowledged, ([\\d,]+) errors")
                .matcher(simulator.logTail(50));
        if (!done.find()) {
            throw new IllegalStateException("no summary from the simulator:\n" + simulator.logTail(20));
        }
        return Measurement.throughput("simulator to Kafka, flat out", "events/s", Double.parseDouble(done.group(2).replace(",", "")),
                done.group(3) + " acknowledged, " + done.group(4) + " errors").against(rawKafka);
    }

    Map<String, Double> rss() {
        Map<String, Double> rss = new HashMap<>();
        services.forEach(s -> rss.put(s.name(), Machine.rssMiB(s.pid())));
        return rss;
    }

    void stopServices() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop(Duration.ofSeconds(30));
        }
    }

    private void start(String name, Path jar, String heap, int port, List<String> args) {
        new ServiceLauncher(stack, work.resolve("services")).start(name, jar, heap, port, args)
                .ifPresentOrElse(services::add, () -> {
                    throw new IllegalStateException(jar + " is not built");
                });
    }

    static long endOffsets(Admin admin) {
        return latestOffsets(admin).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Each partition's end offset of user-activities. */
    private static Map<TopicPartition, Long> latestOffsets(Admin admin) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < Topics.USER_ACTIVITIES_PARTITIONS; p++) {
            latest.put(new TopicPartition(Topics.USER_ACTIVITIES, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        answer(admin.listOffsets(latest).all()).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    static void awaitCommitted(Admin admin, String group, long target, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (committed(admin, group) >= target) {
                    return;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException(group + " did not catch up within " + timeout);
    }

    /**
     * Commits the end of user-activities for a group that has no running member: the service then
     * starts caught up, as a live one is. Without it, a stream service started after the ingest
     * phases first had millions of their events to drain, and a freshness sample waited behind them.
     */
    static void skipToEnd(Admin admin, String group) {
        Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
        latestOffsets(admin).forEach((tp, offset) -> ends.put(tp, new OffsetAndMetadata(offset)));
        // A service stopped a moment ago is still the group's member until its session times out:
        // the broker refuses to move the offsets of a group with members, so try again for a minute.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            try {
                answer(admin.alterConsumerGroupOffsets(group, ends).all());
                return;
            } catch (IllegalStateException stillAMember) {
                if (System.nanoTime() > deadline) {
                    throw stillAMember;
                }
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
            }
        }
    }

    /** The sum of the group's committed offsets on user-activities. */
    static long committed(Admin admin, String group) {
        Map<TopicPartition, OffsetAndMetadata> committed = answer(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        return committed.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.USER_ACTIVITIES))
                .mapToLong(e -> e.getValue() == null ? 0 : e.getValue().offset()).sum();
    }

    /** An admin call's answer, waited for up to 30 s; its failure an unchecked exception. */
    private static <T> T answer(KafkaFuture<T> call) {
        try {
            return call.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(String user, Instant now) {
        return "{\"user_id\":\"" + user + "\",\"event_type\":\"page_view\",\"timestamp\":\"" + now
                + "\",\"page_url\":\"/products/42\",\"properties\":{\"product_id\":\"P-42\",\"price\":19.90}}";
    }

    /** History GETs of {@code page(i)} at {@code rate} on another thread, while the caller runs a write load. */
    private static CompletableFuture<PacedLoad.Result> readInBackground(int rate, Duration duration, IntFunction<String> page) {
        URI storage = URI.create(storageUrl());
        return CompletableFuture.supplyAsync(() -> PacedLoad.get(storage, rate, duration, page));
    }

    private static String ingestUrl() {
        return "http://127.0.0.1:" + INGEST_PORT;
    }

    private static String storageUrl() {
        return "http://127.0.0.1:" + STORAGE_PORT;
    }
}
