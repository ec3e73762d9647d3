package io.trackstream.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Small waiting helpers for start-up probes. */
final class Waits {

    private Waits() {
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A TCP probe: keeps clients from logging a failed connection on every poll before the server listens. */
    static boolean portOpen(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 250);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }
}
