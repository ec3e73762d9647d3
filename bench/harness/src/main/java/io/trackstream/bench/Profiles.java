package io.trackstream.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Java Flight Recordings of a service while it is measured ({@code --profile}): where its time
 * goes, as issues 21-24 ask. Started and dumped with the JDK's own {@code jcmd}, so the service
 * runs with its usual command line; JFR's sampling costs about 1 % (profile settings).
 */
final class Profiles {

    private final Path dir;

    /** {@code dir} null: no recordings. */
    Profiles(Path dir) {
        this.dir = dir;
    }

    void start(long pid, String name) {
        if (dir != null) {
            jcmd(pid, "JFR.start", "name=" + name, "settings=profile");
        }
    }

    void dump(long pid, String name) {
        if (dir != null) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            jcmd(pid, "JFR.stop", "name=" + name, "filename=" + dir.resolve(name + ".jfr").toAbsolutePath());
        }
    }

    private static void jcmd(long pid, String... command) {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jcmd = java.resolveSibling("jcmd");
        String[] line = new String[command.length + 2];
        line[0] = Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
        line[1] = Long.toString(pid);
        System.arraycopy(command, 0, line, 2, command.length);
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            System.out.println("[bench] no profile: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
