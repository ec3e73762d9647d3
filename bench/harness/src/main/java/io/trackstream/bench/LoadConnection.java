package io.trackstream.bench;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One keep-alive connection of the open-loop client, owned by its selector thread. At most one
 * request is on it at a time (no pipelining): {@code request} is that request's index, or -1 when
 * the connection is free.
 */
final class LoadConnection {

    final SocketChannel channel;
    final SelectionKey key;
    final ResponseParser parser = new ResponseParser();
    int request = -1;
    ByteBuffer unwritten;
    boolean connected;

    LoadConnection(SocketChannel channel, SelectionKey key, boolean connected) {
        this.channel = channel;
        this.key = key;
        this.connected = connected;
    }

    boolean busy() {
        return request >= 0;
    }

    boolean writePending() {
        return unwritten != null && unwritten.hasRemaining();
    }
}
