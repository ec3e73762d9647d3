package io.trackstream.ingest.clients;

import io.trackstream.stack.DebianPackages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the external programs of the real-client tests. What they need (chromium, chromedriver,
 * node, npm) is installed from Debian's packages when missing ({@link DebianPackages}), so
 * {@code mvn verify} works on a fresh machine.
 */
final class RealClients {

    private static final Path LOGS = Path.of("target", "real-clients");
    private static boolean toolsReady;

    private RealClients() {
    }

    static synchronized void ensureTools() {
        if (!toolsReady) {
            DebianPackages.ensure(Path.of("/usr/bin/chromium"), "chromium", "chromium-driver");
            DebianPackages.ensure(Path.of("/usr/bin/chromedriver"), "chromium-driver");
            DebianPackages.ensure(Path.of("/usr/bin/node"), "nodejs", "npm");
            DebianPackages.ensure(Path.of("/usr/bin/npm"), "npm");
            toolsReady = true;
        }
    }

    /** Runs a command to completion; its output goes to target/real-clients/{name}.log and is returned. */
    static String run(String name, List<String> command, Path directory, Duration timeout) {
        try {
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve(name + ".log");
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (!finished || process.exitValue() != 0) {
                throw new AssertionError(command + (finished ? " exited with " + process.exitValue() : " timed out")
                        + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }
}
