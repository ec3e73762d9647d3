package io.trackstream.bench;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Incremental parser of one HTTP/1.1 response at a time, fed whatever bytes the socket gave
 * (a response may arrive split anywhere). It understands Content-Length, chunked and
 * read-until-close bodies and skips interim 1xx responses. Bodies are skipped, not kept: the load
 * generator needs only the status and whether the connection can be reused.
 */
final class ResponseParser {

    private enum State { STATUS_LINE, HEADERS, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE, DONE }

    // Far above any status or header line the server under test writes; a longer line means the
    // stream is not HTTP, and failing beats buffering without bound.
    private static final int MAX_LINE = 16 * 1024;

    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;
    private State state;
    private int status;
    private long contentLength;
    private long remaining;
    private boolean chunked;
    private boolean close;

    ResponseParser() {
        reset();
    }

    /** Ready for the next response on the same connection. */
    void reset() {
        state = State.STATUS_LINE;
        lineLength = 0;
        status = 0;
        contentLength = -1;
        remaining = 0;
        chunked = false;
        close = false;
    }

    /**
     * Consumes bytes of the current response (never beyond its end).
     *
     * @return true once the whole response has been read
     */
    boolean feed(ByteBuffer in) throws ProtocolException {
        while (state != State.DONE && in.hasRemaining()) {
            switch (state) {
                case FIXED_BODY, CHUNK_DATA -> skip(in);
                case UNTIL_CLOSE -> in.position(in.limit());
                default -> {
                    if (!readLine(in)) {
                        return false;
                    }
                    onLine(new String(line, 0, lineLength, StandardCharsets.ISO_8859_1));
                    lineLength = 0;
                }
            }
        }
        return state == State.DONE;
    }

    /** The server closed the stream: true if that ended the response (a body without a length). */
    boolean endOfStream() {
        if (state == State.UNTIL_CLOSE) {
            state = State.DONE;
            return true;
        }
        return false;
    }

    int status() {
        return status;
    }

    /** True if the server will close the connection after this response. */
    boolean closesConnection() {
        return close;
    }

    private void skip(ByteBuffer in) {
        int n = (int) Math.min(remaining, in.remaining());
        in.position(in.position() + n);
        remaining -= n;
        if (remaining == 0) {
            state = state == State.FIXED_BODY ? State.DONE : State.CHUNK_END;
        }
    }

    private boolean readLine(ByteBuffer in) throws ProtocolException {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return true;
            }
            if (lineLength == MAX_LINE) {
                throw new ProtocolException("HTTP line longer than " + MAX_LINE + " bytes");
            }
            line[lineLength++] = b;
        }
        return false;
    }

    private void onLine(String text) throws ProtocolException {
        switch (state) {
            case STATUS_LINE -> statusLine(text);
            case HEADERS -> {
                if (text.isEmpty()) {
                    headersDone();
                } else {
                    header(text);
                }
            }
            case CHUNK_SIZE -> chunkSize(text);
            case CHUNK_END -> {
                if (!text.isEmpty()) {
                    throw new ProtocolException("chunk not followed by CRLF");
                }
                state = State.CHUNK_SIZE;
            }
            case TRAILERS -> {
                if (text.isEmpty()) {
                    state = State.DONE;
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void statusLine(String text) throws ProtocolException {
        if (text.isEmpty() && status == 0) {
            return; // tolerated: a stray CRLF before the status line
        }
        if (!text.startsWith("HTTP/1.") || text.length() < 12 || text.charAt(8) != ' ') {
            throw new ProtocolException("bad status line: " + text);
        }
        try {
            status = Integer.parseInt(text.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new ProtocolException("bad status line: " + text);
        }
        close = text.startsWith("HTTP/1.0"); // until a keep-alive header says otherwise
        state = State.HEADERS;
    }

    private void header(String text) throws ProtocolException {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new ProtocolException("bad header line: " + text);
        }
        String name = text.substring(0, colon).trim();
        String value = text.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Content-Length")) {
            try {
                contentLength = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad Content-Length: " + value);
            }
        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
            chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
        } else if (name.equalsIgnoreCase("Connection")) {
            String tokens = value.toLowerCase(Locale.ROOT);
            if (tokens.contains("close")) {
                close = true;
            } else if (tokens.contains("keep-alive")) {
                close = false;
            }
        }
    }

    private void headersDone() {
        if (status >= 100 && status < 200) {
            reset(); // an interim response: the real one follows on the same stream
            return;
        }
        if (status == 204 || status == 304) {
            state = State.DONE;
        } else if (chunked) {
            state = State.CHUNK_SIZE; // chunked wins over Content-Length (RFC 9112, 6.3)
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = contentLength == 0 ? State.DONE : State.FIXED_BODY;
        } else {
            close = true;
            state = State.UNTIL_CLOSE;
        }
    }

    private void chunkSize(String text) throws ProtocolException {
        int end = text.indexOf(';'); // chunk extensions are allowed and ignored
        String hex = (end < 0 ? text : text.substring(0, end)).trim();
        try {
            remaining = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new ProtocolException("bad chunk size: " + text);
        }
        if (remaining < 0) {
            throw new ProtocolException("bad chunk size: " + text);
        }
        state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
    }
}
