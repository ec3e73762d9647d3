package io.trackstream.bench;

import io.trackstream.stack.JvmProcess;
import io.trackstream.stack.LocalStack;
import io.trackstream.stack.ReactorJars;
import io.trackstream.stack.ServiceLauncher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 23: ingest-api's track throughput (wrk, 64 connections) while dashboard-consumer runs, with
 * no SSE client and with 100 connected, in the same run. Alternated twice (none, 100, none, 100),
 * so a drift of the machine over the minutes weighs on both; each figure is the mean of its two.
 * The clients read and discard their streams, as browsers would that draw the page elsewhere.
 */
final class DashboardClients {

    static final int CLIENTS = 100;

    private DashboardClients() {
    }

    static List<Measurement> run(LocalStack stack, Path work, boolean quick) throws IOException {
        StreamDrains.Service dashboard = StreamDrains.SERVICES.stream()
                .filter(s -> s.name().equals("dashboard-consumer")).findFirst().orElseThrow();
        JvmProcess process = new ServiceLauncher(stack, work.resolve("services"))
                .start(dashboard.name(), ReactorJars.jar(dashboard.name()), "384m", dashboard.port(), List.of())
                .orElseThrow(() -> new IllegalStateException("dashboard-consumer is not built"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Path script = Wrk.trackScript(work);
        String ingest = "http://127.0.0.1:" + Pipeline.INGEST_PORT;
        int seconds = quick ? 10 : 20;
        double[] none = new double[2];
        double[] with = new double[2];
        try {
            Wrk.run("warm-up", ingest, script, 64, seconds, 1);
            for (int round = 0; round < 2; round++) {
                none[round] = Wrk.run("none", ingest, script, 64, seconds, 1).value();
                List<InputStream> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    clients.add(connect(http, URI.create("http://127.0.0.1:" + dashboard.port() + "/api/v1/dashboard/stream")));
                }
                try {
                    with[round] = Wrk.run("with", ingest, script, 64, seconds, 1).value();
                } finally {
                    for (InputStream client : clients) {
                        client.close(); // disconnects: the service forgets the stream
                    }
                }
            }
        } finally {
            process.stop(Duration.ofSeconds(30));
        }
        Measurement without = Measurement.throughput("track POST, 64 connections, dashboard with no SSE client", "events/s",
                (none[0] + none[1]) / 2, String.format("mean of 2 runs of %d s (%,.0f, %,.0f), alternated with the runs below", seconds, none[0], none[1]));
        Measurement withClients = Measurement.throughput("track POST, 64 connections, dashboard with " + CLIENTS + " SSE clients", "events/s",
                (with[0] + with[1]) / 2, String.format("mean of 2 runs of %d s (%,.0f, %,.0f); target: no measurable loss", seconds, with[0], with[1]))
                .against(without);
        return List.of(without, withClients);
    }

    /** An SSE client: its stream read and discarded on a thread of its own until it is closed. */
    private static InputStream connect(HttpClient http, URI stream) throws IOException {
        try {
            InputStream body = http.send(HttpRequest.newBuilder(stream).build(), HttpResponse.BodyHandlers.ofInputStream()).body();
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[16_384];
                try {
                    while (body.read(buffer) >= 0) {
                        // discarded
                    }
                } catch (IOException closed) {
                    // closed by the run: done
                }
            }, "sse-client");
            reader.setDaemon(true);
            reader.start();
            return body;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
