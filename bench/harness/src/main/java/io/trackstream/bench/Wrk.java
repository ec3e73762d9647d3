package io.trackstream.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Peak HTTP throughput with Debian's wrk (keep-alive connections, a Lua script building each
 * request). wrk is closed-loop, so its latencies are the latencies at saturation; steady-rate
 * latency is {@link PacedLoad}'s job.
 */
final class Wrk {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|75|90|99)%\\s+([\\d.]+)(us|ms|s)\\s*$");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");

    private Wrk() {
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/wrk"));
    }

    /** One wrk run; events per request turns requests/s into events/s for batch bodies. */
    static Measurement run(String name, String url, Path script, int connections, int seconds, int eventsPerRequest) {
        try {
            Process wrk = new ProcessBuilder("/usr/bin/wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                    "-s", script.toString(), url).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
                throw new IllegalStateException("wrk failed:\n" + output);
            }
            return parse(name, output, connections, eventsPerRequest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Measurement parse(String name, String output, int connections, int eventsPerRequest) {
        Matcher rps = RPS.matcher(output);
        if (!rps.find()) {
            throw new IllegalStateException("no Requests/sec in wrk output:\n" + output);
        }
        Map<String, Double> latency = new LinkedHashMap<>();
        for (String line : output.lines().toList()) {
            Matcher p = PERCENTILE.matcher(line);
            if (p.matches()) {
                double value = Double.parseDouble(p.group(2));
                double ms = switch (p.group(3)) {
                    case "us" -> value / 1000;
                    case "s" -> value * 1000;
                    default -> value;
                };
                latency.put("p" + p.group(1), ms);
            }
        }
        Matcher non2xx = NON_2XX.matcher(output);
        Matcher total = TOTAL.matcher(output);
        String note = connections + " connections" + (eventsPerRequest > 1 ? ", " + eventsPerRequest + " events per request" : "")
                + (total.find() ? ", " + total.group(1) + " requests" : "")
                + (non2xx.find() ? ", " + non2xx.group(1) + " not 2xx" : "");
        return new Measurement(name, "events/s", Double.parseDouble(rps.group(1)) * eventsPerRequest, null, null, latency, note);
    }

    /** A Lua script that POSTs fresh single events (random users) to /api/v1/events/track. */
    static Path trackScript(Path dir) {
        return write(dir.resolve("track.lua"), """
                math.randomseed(os.time())
                request = function()
                  local body = string.format('{"user_id":"wrk-%d","event_type":"page_view","timestamp":"%s",'
                    .. '"page_url":"/products/%d","session_id":"s-%d","properties":{"product_id":"P-%d","price":19.90}}',
                    math.random(1, 10000), os.date("!%Y-%m-%dT%H:%M:%SZ"), math.random(1, 5000), math.random(1, 30000), math.random(1, 5000))
                  return wrk.format("POST", "/api/v1/events/track", {["Content-Type"] = "application/json"}, body)
                end
                """);
    }

    /** A Lua script that POSTs batches of {@code size} events to /api/v1/events/batch. */
    static Path batchScript(Path dir, int size) {
        return write(dir.resolve("batch-" + size + ".lua"), """
                math.randomseed(os.time())
                request = function()
                  local ts = os.date("!%%Y-%%m-%%dT%%H:%%M:%%SZ")
                  local events = {}
                  for i = 1, %d do
                    events[i] = string.format('{"user_id":"wrk-%%d","event_type":"click","timestamp":"%%s","page_url":"/p/%%d"}',
                      math.random(1, 10000), ts, math.random(1, 5000))
                  end
                  local body = '{"events":[' .. table.concat(events, ",") .. ']}'
                  return wrk.format("POST", "/api/v1/events/batch", {["Content-Type"] = "application/json"}, body)
                end
                """.formatted(size));
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Integer> connectionCounts(boolean quick) {
        return quick ? List.of(32, 128) : List.of(16, 64, 128, 256);
    }
}
