package io.trackstream.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of one request: a JSON POST to a fixed URI (each request adds only its Content-Length
 * and body to the head encoded once), or a GET of a path on a fixed server (each request adds
 * only its request line).
 */
record RequestEncoder(InetSocketAddress address, byte[] head, boolean post) {

    static RequestEncoder post(URI uri) {
        InetSocketAddress address = address(uri);
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + address.getPort() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: ";
        return new RequestEncoder(address, head.getBytes(StandardCharsets.US_ASCII), true);
    }

    /** GETs of paths (with their query) on the server of {@code server}. */
    static RequestEncoder get(URI server) {
        InetSocketAddress address = address(server);
        String head = "Host: " + server.getHost() + ":" + address.getPort() + "\r\n\r\n";
        return new RequestEncoder(address, head.getBytes(StandardCharsets.US_ASCII), false);
    }

    private static InetSocketAddress address(URI uri) {
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("only http:// is supported: " + uri);
        }
        return new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
    }

    /** @param value the JSON body of a POST, or the path and query of a GET */
    byte[] encode(String value) {
        if (!post) {
            byte[] line = ("GET " + value + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[line.length + head.length];
            System.arraycopy(line, 0, request, 0, line.length);
            System.arraycopy(head, 0, request, line.length, head.length);
            return request;
        }
        String json = value;
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + length.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(length, 0, request, head.length, length.length);
        System.arraycopy(body, 0, request, head.length + length.length, body.length);
        return request;
    }
}
