package io.trackstream.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * One Trackstream service the demo runs, from a line of {@code local-stack/services.conf}:
 * {@code name  jar  heap  http-port|-  [args...]}. A service whose jar is not built is skipped.
 */
record ServiceSpec(String name, Path jar, String heap, OptionalInt httpPort, List<String> args) {

    static List<ServiceSpec> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(ServiceSpec::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceSpec parse(String line) {
        String[] parts = line.split("\\s+");
        if (parts.length < 4) {
            throw new IllegalArgumentException("a service line is 'name jar heap http-port|- [args...]': " + line);
        }
        OptionalInt port = "-".equals(parts[3]) ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(parts[3]));
        return new ServiceSpec(parts[0], Path.of(parts[1]), parts[2], port, List.of(Arrays.copyOfRange(parts, 4, parts.length)));
    }
}
