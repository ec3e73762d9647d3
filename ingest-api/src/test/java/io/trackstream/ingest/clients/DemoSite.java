package io.trackstream.ingest.clients;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A customer's web page on another origin than ingest-api: a JDK HttpServer serving a small shop
 * page that loads trackstream.js from ingest-api, as the README's snippet does. {@code /shop}
 * takes {@code flush} (the tracker's flush interval in ms) and {@code fresh} (forget the stored
 * visitor, so each test is a new visitor).
 */
final class DemoSite implements AutoCloseable {

    private static final String PAGE = """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>Demo shop</title>
            <script src="%1$s/sdk/trackstream.js"></script>
            <script>
              var params = new URLSearchParams(location.search);
              if (params.get('fresh')) { localStorage.clear(); }
              trackstream.init({endpoint: '%1$s', apiKey: '%2$s', flushInterval: Number(params.get('flush')) || 3000});
            </script></head>
            <body>
              <h1>Demo shop</h1>
              <button id="buy" data-track="buy-button">Buy</button>
              <button id="cart" onclick="history.pushState({}, '', '/shop/cart')">Cart (single-page)</button>
              <a id="leave" data-track="leave-link" href="/bye">Leave</a>
            </body></html>
            """;

    private final HttpServer server;

    private DemoSite(HttpServer server) {
        this.server = server;
    }

    static DemoSite start(String ingestBase, String apiKey) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String page = PAGE.formatted(ingestBase, apiKey);
        server.createContext("/shop", exchange -> respond(exchange, page));
        server.createContext("/bye", exchange -> respond(exchange, "<!doctype html><title>Bye</title><p>Bye"));
        server.start();
        return new DemoSite(server);
    }

    /** The site's origin, {@code http://localhost:port}: another origin than ingest-api's 127.0.0.1. */
    String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
