package io.trackstream.streams;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

class UncaughtExceptionTests {

    @Test
    void replacesAFailedStreamThread() throws Exception {
        assertThat(onThread("app-1-StreamThread-1")).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void shutsTheClientDownWhenTheGlobalThreadFailsForItCannotBeReplaced() throws Exception {
        assertThat(onThread("app-1-GlobalStreamThread")).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    private static StreamThreadExceptionResponse onThread(String name) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, name));
        try {
            return CompletableFuture.supplyAsync(
                    () -> StreamsAutoConfiguration.onUncaughtException(new IllegalStateException("boom")), thread).get();
        } finally {
            thread.shutdown();
        }
    }
}
