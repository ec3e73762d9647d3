package io.trackstream.fraud.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

/**
 * The opaque cursor of the alerts list: the driver's paging state, bound to the day and rule it was
 * issued for, so a cursor replayed with other parameters is refused instead of misread.
 * base64url of {@code v1:day:rule:base64(pagingState)}.
 */
final class AlertCursor {

    private static final String VERSION = "v1";
    private static final String NOT_OURS = "is not a cursor returned by this API for this date and rule";

    private AlertCursor() {
    }

    static String encode(LocalDate day, String rule, ByteBuffer pagingState) {
        ByteBuffer copy = pagingState.duplicate();
        byte[] state = new byte[copy.remaining()];
        copy.get(state);
        String plain = VERSION + ":" + day + ":" + rule + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(state);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static ByteBuffer decode(String token, LocalDate day, String rule) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", 4);
            if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[1].equals(day.toString()) || !parts[2].equals(rule)
                    || parts[3].isEmpty()) {
                throw new IllegalArgumentException(NOT_OURS);
            }
            return ByteBuffer.wrap(Base64.getUrlDecoder().decode(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NOT_OURS, e);
        }
    }
}
