package io.trackstream.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the jars the reactor built, from wherever a test or tool runs inside the repository: the
 * root is the folder that holds {@code local-stack/services.conf}. A module's tests use it to run
 * another deployable as a process (the simulator, ingest-api) without importing its classes; the
 * reactor packages those modules before it reaches the modules that run them.
 */
public final class ReactorJars {

    private ReactorJars() {
    }

    /** {@code <root>/<module>/target/<module>.jar}; it may not exist yet. */
    public static Path jar(String module) {
        return root().resolve(module).resolve("target").resolve(module + ".jar");
    }

    /** The repository root: the folder that holds {@code local-stack/services.conf}. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("local-stack").resolve("services.conf"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the Trackstream repository: no local-stack/services.conf above "
                + Path.of("").toAbsolutePath());
    }
}
