package io.trackstream.ingest.intake;

import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body into memory only up to a limit: a declared Content-Length over the limit is
 * refused before a byte is read, and a body without one (chunked) is read at most one byte past the
 * limit. A 10 MB body therefore never costs more than the limit in memory.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    static byte[] read(HttpServletRequest request, long limit) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        int max = (int) Math.min(Integer.MAX_VALUE - 8, limit + 1);
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(max);
        }
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        return body;
    }

    private static PayloadTooLargeException tooLarge(long limit) {
        return new PayloadTooLargeException("body", "must be at most " + limit + " bytes");
    }
}
