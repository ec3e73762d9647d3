package io.trackstream.ingest.intake;

import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a request body into memory only up to a limit: a declared Content-Length over the limit is
 * refused before a byte is read, and a body without one (chunked) is read at most one byte past the
 * limit. A 10 MB body therefore never costs more than the limit in memory.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    public static byte[] read(HttpServletRequest request, long limit) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            if (declared >= 0) {
                // The common case: one array of the exact size, not an 8 KB buffer per request and a copy.
                body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length);
                return read == body.length ? body : Arrays.copyOf(body, read);
            }
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
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
