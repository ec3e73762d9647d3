package io.trackstream.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM (a server, a service, a tool): started through {@link ParentWatch} so it dies with its launcher, in its own
 * session (Ctrl-C reaches the launcher only, which then stops the children in order), output
 * appended to a log file, stopped with SIGTERM and a grace period before SIGKILL.
 */
public final class JvmProcess {

    private final String name;
    private final List<String> command;
    private final Path logFile;
    private final Path pidFile;
    private Process process;

    public JvmProcess(String name, Path workDir, List<String> jvmOptions, String classpath, String mainClass, List<String> args) {
        this.name = name;
        this.logFile = workDir.resolve(name + ".log");
        this.pidFile = workDir.resolve(name + ".pid");
        List<String> cmd = new ArrayList<>(OsTools.isolationPrefix());
        cmd.add(javaExecutable().toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classpath + java.io.File.pathSeparator + ownCodeLocation());
        cmd.add(ParentWatch.class.getName());
        cmd.add(mainClass);
        cmd.addAll(args);
        this.command = List.copyOf(cmd);
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized void start() {
        if (isAlive()) {
            return;
        }
        killLeftoverOfEarlierRun();
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "==== " + java.time.Instant.now() + " starting " + name + System.lineSeparator(),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            Files.writeString(pidFile, Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The child's pid, for measuring it (RSS); -1 before the first start. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Waits for the child to exit by itself; returns its exit code, or empty on timeout. */
    public java.util.OptionalInt awaitExit(Duration timeout) {
        Process current;
        synchronized (this) {
            current = process;
        }
        try {
            return current != null && current.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? java.util.OptionalInt.of(current.exitValue()) : java.util.OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.OptionalInt.empty();
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, then SIGKILL after {@code grace}; returns once the process is gone. */
    public synchronized void stop(Duration grace) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deletePidFile();
    }

    /** SIGKILL, as a crash would: for fault tests. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deletePidFile();
    }

    /** The end of the log, for error messages when a server does not come up. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void killLeftoverOfEarlierRun() {
        // A launcher that was SIGKILLed mid-start may leave a child for a moment; it holds the
        // data directory's lock, so make sure it is gone before starting over.
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                ProcessHandle.of(pid)
                        .filter(p -> p.info().commandLine().map(c -> c.contains(ParentWatch.class.getName())).orElse(false))
                        .ifPresent(p -> {
                            p.destroy();
                            p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> null).join();
                        });
            }
        } catch (IOException | NumberFormatException e) {
            // an unreadable pid file names nothing to clean up
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // only a hint for the next start
        }
    }

    private static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static Path ownCodeLocation() {
        try {
            return Path.of(ParentWatch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
