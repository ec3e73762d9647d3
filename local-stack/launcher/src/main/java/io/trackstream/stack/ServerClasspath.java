package io.trackstream.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The classpath of a server, as its runtime module resolved it at build time
 * ({@code META-INF/trackstream/<server>.classpath}). The server jars themselves never sit on the
 * launcher's or the services' classpath.
 */
final class ServerClasspath {

    private ServerClasspath() {
    }

    static String of(String server) {
        String resource = "META-INF/trackstream/" + server + ".classpath";
        try (InputStream in = ServerClasspath.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource + ": build the local-stack runtime modules first (mvn install)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
