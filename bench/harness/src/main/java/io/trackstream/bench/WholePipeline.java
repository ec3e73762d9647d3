package io.trackstream.bench;

import io.trackstream.stack.JvmProcess;
import io.trackstream.stack.LocalStack;
import io.trackstream.stack.ReactorJars;
import io.trackstream.stack.ServiceSuite;
import org.apache.kafka.clients.admin.Admin;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Issue 25: all seven services at once, as the run command starts them (local-stack/services.conf,
 * the simulator at 20 events/s through ingest-api included), and load sent through ingest-api in
 * batches of 100 at steady rates. A rate holds when every consumer group's lag stays bounded over
 * the step's last two minutes; the figure is the highest rate that held. Each step also records
 * every process's CPU share, so the report says which one holds the machine at the limit.
 */
final class WholePipeline {

    /** The five groups reading user-activities. */
    static final List<String> GROUPS = java.util.stream.Stream.concat(java.util.stream.Stream.of(Pipeline.STORAGE_GROUP),
            StreamDrains.SERVICES.stream().map(StreamDrains.Service::group)).toList();
    private static final int PORT_SHIFT = 20_000;
    private static final int BATCH = 100;
    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    private final LocalStack stack;
    private final Path work;
    private final boolean quick;

    WholePipeline(LocalStack stack, Path work, boolean quick) {
        this.stack = stack;
        this.work = work;
        this.quick = quick;
    }

    /** One step: the rate asked, what it achieved, and each group's lag and each process's CPU over it. */
    record Step(int rate, double achieved, int failed, Map<String, List<Long>> lags, Map<String, Double> cpuPercent, boolean held,
                String why) {
    }

    List<Measurement> run(Map<String, Double> rss) {
        List<Step> steps = new ArrayList<>();
        try (Admin admin = stack.openAdmin()) {
            GROUPS.forEach(group -> Pipeline.skipToEnd(admin, group));
        }
        try (ServiceSuite suite = ServiceSuite.start(stack, ReactorJars.root().resolve("local-stack/services.conf"),
                work.resolve("services"), port -> port + PORT_SHIFT);
             Admin admin = stack.openAdmin()) {
            Map<String, Long> pids = new LinkedHashMap<>();
            suite.processes().forEach(p -> pids.put(p.name(), p.pid()));
            stack.kafka().ifPresent(k -> pids.put("kafka", k.pid()));
            stack.cassandra().ifPresent(c -> pids.put("cassandra", c.pid()));
            pids.put("bench harness (load)", ProcessHandle.current().pid());
            URI batch = URI.create("http://127.0.0.1:" + suite.httpPorts().get("ingest-api") + "/api/v1/events/batch");
            // The services' code compiled and their stores warm before the first step counts.
            PacedLoad.run(batch, 1_000 / BATCH, Duration.ofSeconds(quick ? 15 : 45), i -> batchBody(i, Instant.now()), PacedLoad.AcceptedListener.NONE);
            drained(admin, 1_000, Duration.ofMinutes(2));
            for (int rate : rates()) {
                Step step = step(admin, batch, rate, pids);
                steps.add(step);
                log(step);
                if (!step.held()) {
                    break;
                }
                drained(admin, rate, Duration.ofMinutes(2));
            }
            if (!steps.isEmpty() && !steps.get(0).held() && steps.get(0).rate() > 1_000) {
                // the first rate was too high: one lower step, after the backlog is gone
                drained(admin, 1_000, Duration.ofMinutes(5));
                Step lower = step(admin, batch, steps.get(0).rate() / 2, pids);
                steps.add(0, lower);
                log(lower);
            }
            suite.processes().forEach(p -> rss.put(p.name() + " (whole pipeline)", Machine.rssMiB(p.pid())));
            stack.kafka().ifPresent(k -> rss.put("kafka (whole pipeline)", Machine.rssMiB(k.pid())));
            stack.cassandra().ifPresent(c -> rss.put("cassandra (whole pipeline)", Machine.rssMiB(c.pid())));
        }
        return List.of(figure(steps, rss));
    }

    private List<Integer> rates() {
        return quick ? List.of(2_000, 4_000) : List.of(2_000, 3_000, 4_000, 5_000, 6_000, 8_000);
    }

    private Step step(Admin admin, URI batch, int rate, Map<String, Long> pids) {
        Duration length = Duration.ofSeconds(quick ? 40 : 150);
        Duration settle = Duration.ofSeconds(quick ? 10 : 30);
        Map<String, List<Long>> lags = new LinkedHashMap<>();
        GROUPS.forEach(g -> lags.put(g, new ArrayList<>()));
        CompletableFuture<PacedLoad.Result> load = CompletableFuture.supplyAsync(() ->
                PacedLoad.run(batch, rate / BATCH, length, i -> batchBody(i, Instant.now()), PacedLoad.AcceptedListener.NONE));
        long start = System.nanoTime();
        LockSupport.parkNanos(settle.toNanos());
        Map<String, Long> ticksBefore = ticks(pids);
        long cpuFrom = System.nanoTime();
        while (System.nanoTime() - start < length.toNanos()) {
            long end = Pipeline.endOffsets(admin);
            GROUPS.forEach(g -> lags.get(g).add(end - Pipeline.committed(admin, g)));
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
        }
        Map<String, Long> ticksAfter = ticks(pids);
        double seconds = (System.nanoTime() - cpuFrom) / 1e9;
        Map<String, Double> cpu = new LinkedHashMap<>();
        ticksAfter.forEach((name, t) -> cpu.put(name, 100.0 * (t - ticksBefore.getOrDefault(name, t)) / CLOCK_TICKS / seconds));
        PacedLoad.Result result = load.join();
        List<String> behind = new ArrayList<>();
        lags.forEach((group, samples) -> {
            if (growing(samples, rate)) {
                behind.add(group);
            }
        });
        boolean achieved = result.failed() == 0 && result.accepted() * BATCH >= 0.95 * rate * length.toSeconds();
        String why = !achieved ? "ingest-api did not take the rate (" + result.failed() + " failed batches)"
                : behind.isEmpty() ? "every lag bounded" : "lag growing: " + String.join(", ", behind);
        return new Step(rate, result.achievedRate() * BATCH, result.failed(), lags, cpu, achieved && behind.isEmpty(), why);
    }

    /**
     * A lag grows when the least-squares slope of its samples says the group falls behind by more
     * than 2 % of the input rate and it ends above two seconds of input. A lag of a commit interval
     * or a poll wiggles around a constant: bounded.
     */
    static boolean growing(List<Long> samples, int rate) {
        int n = samples.size();
        if (n < 3) {
            return false;
        }
        double meanX = (n - 1) / 2.0;
        double meanY = samples.stream().mapToLong(Long::longValue).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - meanX) * (samples.get(i) - meanY);
            den += (i - meanX) * (i - meanX);
        }
        double perSecond = num / den / 5; // a sample every 5 s
        return perSecond > 0.02 * rate && samples.get(n - 1) > 2L * rate;
    }

    /** Waits until every group is within a second of input of the end (or the timeout). */
    private static void drained(Admin admin, int rate, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long end = Pipeline.endOffsets(admin);
            if (GROUPS.stream().allMatch(g -> end - Pipeline.committed(admin, g) <= rate)) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
        }
    }

    private static Map<String, Long> ticks(Map<String, Long> pids) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command
                ticks.put(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            } catch (IOException | RuntimeException gone) {
                // a process that ended has no share
            }
        });
        return ticks;
    }

    private Measurement figure(List<Step> steps, Map<String, Double> rss) {
        Step best = steps.stream().filter(Step::held).reduce((a, b) -> b.rate() > a.rate() ? b : a).orElse(null);
        Step limit = steps.stream().filter(s -> !s.held()).findFirst().orElse(steps.get(steps.size() - 1));
        double totalRss = rss.entrySet().stream().filter(e -> e.getKey().endsWith("(whole pipeline)"))
                .mapToDouble(Map.Entry::getValue).sum();
        String stepsText = steps.stream().map(s -> String.format("%,d/s %s (%s)", s.rate(), s.held() ? "held" : "did not hold", s.why()))
                .collect(Collectors.joining("; "));
        String lagText = (best == null ? limit : best).lags().entrySet().stream()
                .map(e -> e.getKey() + " " + (e.getValue().isEmpty() ? "-" : String.format("%,d", e.getValue().get(e.getValue().size() - 1))))
                .collect(Collectors.joining(", "));
        String cpuText = limit.cpuPercent().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.0f %%", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
        return Measurement.throughput("whole pipeline: highest steady rate, batches of 100 through ingest-api, 5 groups", "events/s",
                best == null ? 0 : best.rate(),
                String.format("steps: %s; lag at the end of the best step: %s; CPU at %,d/s (%% of one core): %s; total RSS %.0f MiB; "
                                + "targets: >= 5,000/s, total RSS <= 6 GiB",
                        stepsText, lagText, limit.rate(), cpuText, totalRss));
    }

    private static void log(Step step) {
        System.out.printf("  %,d/s: achieved %,.0f/s, %s; CPU %s%n", step.rate(), step.achieved(), step.why(),
                step.cpuPercent().entrySet().stream().map(e -> String.format("%s %.0f%%", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ")));
    }

    private static final String[] TYPES = {"page_view", "page_view", "page_view", "page_view", "page_view", "page_view",
            "page_view", "page_view", "click", "click", "click", "click", "search", "search", "add_to_cart", "add_to_cart",
            "login", "page_view", "click", "purchase"};
    private static final String[] DEVICES = {"desktop", "mobile", "mobile", "tablet"};
    private static final String[] COUNTRIES = {"US", "DE", "FR", "GB", "IN", "BR", "JP"};

    /**
     * 100 events of a realistic mix (page views mostly, one purchase in twenty) by 20,000 users,
     * each in a session of its minute, so every service does its real work: storage rows, the
     * analytics figures, the fraud rules, the live figures and sessions.
     */
    static String batchBody(int request, Instant now) {
        StringBuilder body = new StringBuilder(BATCH * 260).append("{\"events\":[");
        long minute = now.getEpochSecond() / 60;
        for (int k = 0; k < BATCH; k++) {
            int i = request * BATCH + k;
            int user = (int) ((i * 7_919L) % 20_000);
            String type = TYPES[i % TYPES.length];
            if (k > 0) {
                body.append(',');
            }
            body.append("{\"user_id\":\"pipe-").append(user).append("\",\"event_type\":\"").append(type)
                    .append("\",\"timestamp\":\"").append(now).append("\",\"session_id\":\"s-").append(user).append('-').append(minute)
                    .append("\",\"page_url\":\"/products/").append(i % 500)
                    .append("\",\"device\":{\"type\":\"").append(DEVICES[user % DEVICES.length])
                    .append("\"},\"location\":{\"country\":\"").append(COUNTRIES[user % COUNTRIES.length])
                    .append("\"},\"properties\":{\"product_id\":\"P-").append(i % 500).append("\",\"price\":")
                    .append(5 + i % 200).append(".90}}");
        }
        return body.append("]}").toString();
    }
}
