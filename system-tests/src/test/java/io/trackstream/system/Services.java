package io.trackstream.system;

import io.trackstream.stack.JvmProcess;
import io.trackstream.stack.LocalStack;
import io.trackstream.stack.ServiceLauncher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The service jars the reactor built ({@code ../<module>/target/<module>.jar}), each running as its
 * own JVM on a free port against the local stack, with a modest heap. Started in parallel, stopped
 * with SIGTERM and a wait. A jar that is not built is a failure that says how to build it.
 *
 * @param ingest ingest-api's base URL
 * @param storage storage-consumer's base URL
 */
record Services(String ingest, String storage, List<JvmProcess> processes) implements AutoCloseable {

    static Services start(LocalStack stack, List<String> ingestArgs) {
        Path ingestJar = jar("ingest-api");
        Path storageJar = jar("storage-consumer");
        ServiceLauncher launcher = new ServiceLauncher(stack, Path.of("target", "services").toAbsolutePath());
        int ingestPort = freePort();
        int storagePort = freePort();
        CompletableFuture<JvmProcess> storage = CompletableFuture.supplyAsync(() ->
                launcher.start("storage-consumer", storageJar, "384m", storagePort, List.of()).orElseThrow());
        CompletableFuture<JvmProcess> ingest = CompletableFuture.supplyAsync(() ->
                launcher.start("ingest-api", ingestJar, "256m", ingestPort, ingestArgs).orElseThrow());
        return new Services("http://127.0.0.1:" + ingestPort, "http://127.0.0.1:" + storagePort,
                List.of(ingest.join(), storage.join()));
    }

    @Override
    public void close() {
        processes.forEach(process -> process.stop(Duration.ofSeconds(30)));
    }

    private static Path jar(String module) {
        Path jar = Path.of("..", module, "target", module + ".jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is not built. Build the services before system-tests: "
                    + "mvn -B -ntp verify from the root builds them first, or mvn -B -ntp -pl " + module
                    + " -am package -DskipTests");
        }
        return jar;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
