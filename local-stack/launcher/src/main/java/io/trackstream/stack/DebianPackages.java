package io.trackstream.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real tools some tests drive (Prometheus and promtool, Chromium and its driver, Node.js) come
 * from Debian's packages. A test asks for the command it needs; when it is missing and we run as
 * root (our machines and CI), the package is installed with apt-get, as {@code bench/run.sh}
 * installs wrk, so the README's test command works on a fresh machine with only a JDK and Maven.
 * Elsewhere it fails with the command to run.
 */
public final class DebianPackages {

    private static final Object LOCK = new Object();

    private DebianPackages() {
    }

    /**
     * @param command the executable that must exist, e.g. {@code /usr/bin/promtool}
     * @param packages the Debian packages that provide it
     * @return the executable
     */
    public static Path ensure(Path command, String... packages) {
        synchronized (LOCK) {
            if (Files.isExecutable(command)) {
                return command;
            }
            if (!"root".equals(System.getProperty("user.name"))) {
                throw new IllegalStateException(command + " is missing: install it with "
                        + "sudo apt-get install -y --no-install-recommends " + String.join(" ", packages));
            }
            run(List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "update", "-q"));
            List<String> install = new ArrayList<>(List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", "-q", "--no-install-recommends"));
            install.addAll(List.of(packages));
            run(install);
            if (!Files.isExecutable(command)) {
                throw new IllegalStateException("installed " + List.of(packages) + " but " + command + " is still missing");
            }
            return command;
        }
    }

    private static void run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            // Another apt run (a parallel build) may hold the dpkg lock for a while.
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
