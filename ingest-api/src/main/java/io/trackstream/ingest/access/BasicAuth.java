package io.trackstream.ingest.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads the user name of an HTTP Basic {@code Authorization} header, where Segment's SDKs put the write key. */
final class BasicAuth {

    private static final String PREFIX = "basic ";

    private BasicAuth() {
    }

    /** The user name, or null when the header is missing, not Basic, or not valid base64 / UTF-8. */
    static String userName(String authorization) {
        if (authorization == null || authorization.length() <= PREFIX.length()
                || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(PREFIX.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = credentials.indexOf(':');
        String user = colon < 0 ? credentials : credentials.substring(0, colon);
        return user.isEmpty() ? null : user;
    }
}
