package io.trackstream.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class JvmProcessTests {

    @TempDir
    Path dir;

    @Test
    void aChildJvmStopsOnSigterm() {
        JvmProcess child = new JvmProcess("sleeper", dir, List.of("-Xmx32m"), testClasspath(), Sleeper.class.getName(), List.of());
        child.start();
        assertThat(child.isAlive()).isTrue();

        child.stop(Duration.ofSeconds(20));

        assertThat(child.isAlive()).isFalse();
        assertThat(dir.resolve("sleeper.pid")).doesNotExist();
    }

    @Test
    void aChildJvmExitsWhenItsLauncherIsKilled() throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        JvmProcess launcher = new JvmProcess("launcher", dir, List.of("-Xmx64m"), testClasspath(),
                SpawnsChild.class.getName(), List.of(dir.toString(), pidFile.toString()));
        launcher.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(pidFile) && !Files.readString(pidFile).isBlank());
        long grandchild = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ProcessHandle.of(grandchild)).isPresent();

        launcher.kill(); // SIGKILL: no shutdown hook of the launcher runs

        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(grandchild).map(p -> !p.isAlive()).orElse(true));
    }

    private static String testClasspath() {
        return System.getProperty("java.class.path");
    }

    /** A child that does nothing until it is stopped. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** A launcher stand-in: starts a Sleeper through JvmProcess, writes its pid, waits. */
    public static final class SpawnsChild {
        public static void main(String[] args) throws Exception {
            JvmProcess child = new JvmProcess("grandchild", Path.of(args[0]), List.of("-Xmx32m"),
                    System.getProperty("java.class.path"), Sleeper.class.getName(), List.of());
            child.start();
            String pid = Files.readString(Path.of(args[0], "grandchild.pid")).strip();
            Path tmp = Path.of(args[1] + ".tmp");
            Files.writeString(tmp, pid);
            Files.move(tmp, Path.of(args[1]));
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
