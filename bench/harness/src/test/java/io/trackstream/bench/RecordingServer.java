package io.trackstream.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real local HTTP server for the load generator's tests: it records every request it gets, the
 * connections they came on and the most requests it ever had open at once, and answers as the
 * test's {@link Responder} says.
 */
final class RecordingServer implements AutoCloseable {

    record Request(String method, String path, String contentType, String body, int clientPort) {
    }

    record Response(int status, String body, boolean chunked, boolean close) {

        static Response fixed(int status) {
            return new Response(status, "{\"status\":\"accepted\"}", false, false);
        }

        static Response chunked(int status) {
            return new Response(status, "{\"status\":\"accepted\",\"padding\":\"" + "x".repeat(300) + "\"}", true, false);
        }

        Response closing() {
            return new Response(status, body, chunked, true);
        }
    }

    @FunctionalInterface
    interface Responder {
        Response answer(Request request) throws InterruptedException;
    }

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the body
        // waits for the client's delayed ACK (40 ms) and the test would measure that instead.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final Queue<Request> requests = new ConcurrentLinkedQueue<>();
    final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    RecordingServer(Responder responder) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, responder));
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange, Responder responder) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (exchange) {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRemoteAddress().getPort());
            requests.add(request);
            clientPorts.add(request.clientPort());
            Response response = responder.answer(request);
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (response.close()) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            inFlight.decrementAndGet(); // before the answer leaves, so the client never sees a stale count
            exchange.sendResponseHeaders(response.status(), response.chunked() ? 0 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (response.chunked()) {
                    // several writes, so the answer goes out as several chunks
                    int half = body.length / 2;
                    out.write(body, 0, half);
                    out.flush();
                    out.write(body, half, body.length - half);
                } else {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
