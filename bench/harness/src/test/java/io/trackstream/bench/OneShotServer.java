package io.trackstream.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare socket server that answers one request per connection with a body that has no length
 * (it ends where the server closes the connection), like an old HTTP/1.0 server: the client must
 * read to the end of the stream and reconnect for every request.
 */
final class OneShotServer implements AutoCloseable {

    private static final byte[] ANSWER = ("HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\n\r\n"
            + "{\"status\":\"accepted\"}").getBytes(StandardCharsets.US_ASCII);

    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    private final ServerSocket socket;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    OneShotServer() throws IOException {
        socket = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        executor.execute(this::accept);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.incrementAndGet();
                executor.execute(() -> answerOnce(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answerOnce(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            InputStream in = connection.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return; // the client closed an unused connection
            }
            int length = Integer.parseInt(head.replaceAll("(?is).*content-length:\\s*(\\d+).*", "$1"));
            in.readNBytes(length);
            requests.incrementAndGet();
            connection.getOutputStream().write(ANSWER);
        } catch (IOException ignored) {
            // the client went away: nothing to answer
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        executor.shutdownNow();
    }
}
