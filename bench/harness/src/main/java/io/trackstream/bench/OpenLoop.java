package io.trackstream.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ProtocolException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The engine of {@link PacedLoad}: one thread, one selector, non-blocking keep-alive connections.
 * Request i is due at start + i/rate; every due request goes out on a free connection, in order,
 * and waits (its clock running) while none is free. Single-threaded so that the client costs
 * little CPU next to the server it measures; nothing here is thread-safe.
 */
final class OpenLoop {

    // Sleeping longer than this before a due request would delay the responses that arrive
    // meanwhile (the selector is not watched while parked); shorter costs wake-ups.
    private static final long PARK_SLICE_NANOS = 200_000;
    // Once every request is out, only answers (or the grace deadline) are awaited.
    private static final long IDLE_SELECT_MILLIS = 50;

    private final RequestEncoder encoder;
    private final IntFunction<String> body;
    private final PacedLoad.Settings settings;
    private final LoadTally tally;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final ArrayDeque<LoadConnection> free = new ArrayDeque<>();
    private final Set<LoadConnection> open = new HashSet<>();
    private Selector selector;
    private int next;

    OpenLoop(RequestEncoder encoder, IntFunction<String> body, PacedLoad.Settings settings, LoadTally tally) {
        this.encoder = encoder;
        this.body = body;
        this.settings = settings;
        this.tally = tally;
    }

    PacedLoad.Result run() {
        try (Selector s = Selector.open()) {
            selector = s;
            openPool();
            tally.start(System.nanoTime());
            long deadline = tally.due(tally.total()) + settings.grace().toNanos();
            while (!tally.allDone()) {
                long now = System.nanoTime();
                if (now - deadline > 0) {
                    expire();
                    break;
                }
                sendDue(now);
                await();
                handleReady();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            new ArrayList<>(open).forEach(this::close);
        }
        return tally.result();
    }

    /** The pool is connected before the clock starts, so set-up is not billed to the first requests. */
    private void openPool() throws IOException {
        for (int c = 0; c < settings.connections(); c++) {
            SocketChannel channel;
            try {
                channel = SocketChannel.open(encoder.address());
            } catch (IOException e) {
                return; // server not there: requests will try (and fail) on lazily opened connections
            }
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            LoadConnection connection = register(channel, SelectionKey.OP_READ, true);
            free.addLast(connection);
        }
    }

    private LoadConnection register(SocketChannel channel, int ops, boolean connected) throws IOException {
        SelectionKey key = channel.register(selector, ops);
        LoadConnection connection = new LoadConnection(channel, key, connected);
        key.attach(connection);
        open.add(connection);
        return connection;
    }

    /** A non-blocking connect; null (and nothing left open) if it failed at once. */
    private LoadConnection openLazily() {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean connected = channel.connect(encoder.address());
            return register(channel, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, connected);
        } catch (IOException e) {
            closeQuietly(channel);
            return null;
        }
    }

    private void sendDue(long now) {
        while (next < tally.total() && tally.due(next) - now <= 0) {
            LoadConnection connection = free.pollFirst();
            if (connection == null) {
                if (open.size() >= settings.maxConnections()) {
                    return; // all busy: the backlog waits, its latency growing from its due time
                }
                connection = openLazily();
                if (connection == null) {
                    tally.sent();
                    tally.failed(next++);
                    continue;
                }
            }
            send(connection, next++);
        }
    }

    private void send(LoadConnection connection, int i) {
        connection.request = i;
        connection.unwritten = ByteBuffer.wrap(encoder.encode(body.apply(i)));
        tally.sent();
        if (connection.connected) {
            write(connection);
        }
    }

    private void write(LoadConnection connection) {
        try {
            connection.channel.write(connection.unwritten);
            connection.key.interestOps(connection.writePending()
                    ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        } catch (IOException e) {
            fail(connection);
        }
    }

    private void await() throws IOException {
        long now = System.nanoTime();
        if (next >= tally.total()) {
            selector.select(IDLE_SELECT_MILLIS);
            return;
        }
        long wait = tally.due(next) - now;
        if (wait <= 0) {
            selector.select(1); // a backlog and no free connection: wait for an answer or a connect
        } else if (wait >= 1_000_000) {
            selector.select(wait / 1_000_000); // epoll waits in whole milliseconds, so round down
        } else if (selector.selectNow() == 0) {
            LockSupport.parkNanos(Math.min(wait, PARK_SLICE_NANOS));
        }
    }

    private void handleReady() {
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            LoadConnection connection = (LoadConnection) key.attachment();
            if (!key.isValid()) {
                continue;
            }
            if (key.isConnectable()) {
                connected(connection);
                continue;
            }
            if (key.isWritable()) {
                write(connection);
            }
            if (key.isValid() && key.isReadable()) {
                read(connection);
            }
        }
    }

    private void connected(LoadConnection connection) {
        try {
            if (!connection.channel.finishConnect()) {
                return;
            }
        } catch (IOException e) {
            fail(connection);
            return;
        }
        connection.connected = true;
        connection.key.interestOps(SelectionKey.OP_READ);
        if (connection.busy()) {
            write(connection);
        } else {
            free.addLast(connection);
        }
    }

    private void read(LoadConnection connection) {
        readBuffer.clear();
        int n;
        try {
            n = connection.channel.read(readBuffer);
        } catch (IOException e) {
            fail(connection);
            return;
        }
        if (n < 0) {
            endOfStream(connection);
            return;
        }
        if (n == 0) {
            return; // a spurious wake-up
        }
        readBuffer.flip();
        if (!connection.busy()) {
            close(connection); // bytes nobody asked for: the stream can no longer be trusted
            replace();
            return;
        }
        try {
            if (connection.parser.feed(readBuffer)) {
                answered(connection, readBuffer.hasRemaining());
            }
        } catch (ProtocolException e) {
            fail(connection);
        }
    }

    private void endOfStream(LoadConnection connection) {
        if (connection.busy() && connection.parser.endOfStream()) {
            answered(connection, true);
        } else if (connection.busy()) {
            fail(connection);
        } else {
            close(connection); // the server closed an idle connection (keep-alive timeout)
            replace();
        }
    }

    private void answered(LoadConnection connection, boolean mustClose) {
        int i = connection.request;
        int status = connection.parser.status();
        boolean reusable = !mustClose && !connection.parser.closesConnection() && !connection.writePending();
        connection.request = -1;
        connection.unwritten = null;
        connection.parser.reset();
        if (reusable) {
            free.addLast(connection);
        } else {
            close(connection);
            replace();
        }
        tally.answered(i, status);
    }

    /** An I/O error or a broken response: the request on the connection (if any) failed. */
    private void fail(LoadConnection connection) {
        int i = connection.request;
        boolean wasConnected = connection.connected;
        close(connection);
        if (wasConnected) {
            replace(); // a refused connect is not retried here: lazily opened ones will try again
        }
        if (i >= 0) {
            tally.failed(i);
        }
    }

    /** Keeps the pool at its initial size after the server closed one, while requests remain. */
    private void replace() {
        if (next < tally.total() && open.size() < settings.connections()) {
            LoadConnection connection = openLazily();
            if (connection != null && connection.connected) {
                free.addLast(connection); // connected at once: no OP_CONNECT will announce it
            }
        }
    }

    /** Past the grace period: whatever is unanswered failed. */
    private void expire() {
        for (LoadConnection connection : open) {
            if (connection.busy()) {
                tally.failed(connection.request);
            }
        }
        for (; next < tally.total(); next++) {
            tally.failed(next);
        }
    }

    private void close(LoadConnection connection) {
        open.remove(connection);
        if (!connection.busy()) {
            free.remove(connection);
        }
        connection.key.cancel();
        closeQuietly(connection.channel);
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is best effort: the channel is dropped either way
        }
    }
}
