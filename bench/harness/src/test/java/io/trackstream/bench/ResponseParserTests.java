package io.trackstream.bench;

import org.junit.jupiter.api.Test;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseParserTests {

    private static final String FIXED = "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\n"
            + "Content-Length: 13\r\n\r\n{\"ok\":\"yes\"}\n";
    private static final String CHUNKED = "HTTP/1.1 400 Bad Request\r\ntransfer-encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: 1\r\n\r\n";

    private final ResponseParser parser = new ResponseParser();

    @Test
    void readsAFixedLengthResponseWhereverTheBytesAreSplit() throws Exception {
        for (int piece = 1; piece <= FIXED.length(); piece++) {
            parser.reset();
            assertThat(feedInPieces(FIXED, piece)).as("pieces of %d bytes", piece).isTrue();
            assertThat(parser.status()).isEqualTo(202);
            assertThat(parser.closesConnection()).isFalse();
        }
    }

    @Test
    void readsAChunkedResponseWithExtensionsAndTrailersWhereverTheBytesAreSplit() throws Exception {
        for (int piece = 1; piece <= CHUNKED.length(); piece++) {
            parser.reset();
            assertThat(feedInPieces(CHUNKED, piece)).as("pieces of %d bytes", piece).isTrue();
            assertThat(parser.status()).isEqualTo(400);
        }
    }

    @Test
    void stopsAtTheEndOfTheResponse() throws Exception {
        ByteBuffer twoResponses = ascii(FIXED + "HTTP/1.1 500");

        assertThat(parser.feed(twoResponses)).isTrue();
        assertThat(twoResponses.remaining()).isEqualTo("HTTP/1.1 500".length());
    }

    @Test
    void waitsForTheRestOfATruncatedBody() throws Exception {
        assertThat(parser.feed(ascii(FIXED.substring(0, FIXED.length() - 1)))).isFalse();
        assertThat(parser.endOfStream()).isFalse();
    }

    @Test
    void skipsAnInterimResponse() throws Exception {
        assertThat(parser.feed(ascii("HTTP/1.1 100 Continue\r\n\r\n" + FIXED))).isTrue();
        assertThat(parser.status()).isEqualTo(202);
    }

    @Test
    void notesThatTheServerClosesTheConnection() throws Exception {
        assertThat(parser.feed(ascii("HTTP/1.1 202 Accepted\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"))).isTrue();
        assertThat(parser.closesConnection()).isTrue();

        parser.reset();
        assertThat(parser.feed(ascii("HTTP/1.0 202 Accepted\r\nContent-Length: 0\r\n\r\n"))).isTrue();
        assertThat(parser.closesConnection()).isTrue();
    }

    @Test
    void endsABodyWithoutLengthAtTheEndOfTheStream() throws Exception {
        assertThat(parser.feed(ascii("HTTP/1.1 202 Accepted\r\n\r\nsome body"))).isFalse();
        assertThat(parser.endOfStream()).isTrue();
        assertThat(parser.status()).isEqualTo(202);
        assertThat(parser.closesConnection()).isTrue();
    }

    @Test
    void readsNoBodyAfterA204() throws Exception {
        assertThat(parser.feed(ascii("HTTP/1.1 204 No Content\r\n\r\n"))).isTrue();
    }

    @Test
    void rejectsWhatIsNotHttp() {
        assertThatThrownBy(() -> parser.feed(ascii("SSH-2.0-OpenSSH\r\n"))).isInstanceOf(ProtocolException.class);
        parser.reset();
        assertThatThrownBy(() -> parser.feed(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")))
                .isInstanceOf(ProtocolException.class);
    }

    private boolean feedInPieces(String response, int piece) throws ProtocolException {
        byte[] bytes = response.getBytes(StandardCharsets.US_ASCII);
        boolean complete = false;
        for (int from = 0; from < bytes.length; from += piece) {
            assertThat(complete).as("complete before its last byte").isFalse();
            ByteBuffer buffer = ByteBuffer.wrap(bytes, from, Math.min(piece, bytes.length - from));
            complete = parser.feed(buffer);
            assertThat(buffer.hasRemaining()).isFalse();
        }
        return complete;
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
