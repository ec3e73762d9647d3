package io.trackstream.streams;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.ProcessingContext;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Restores Kafka Streams' exactly-once invariant "no checkpoint file while a task is running",
 * which 4.2.1 breaks (KAFKA-20685).
 *
 * <p>Under {@code exactly_once_v2} a task's local stores may hold writes of a transaction that is
 * later aborted (RocksDB runs without a WAL, and its memtables are flushed in the background). Kafka
 * Streams guards against that with the checkpoint file: it is written only on a clean suspend or
 * close, so after a crash (SIGKILL, power loss) the file is missing, the task is treated as corrupted
 * and its stores are wiped and rebuilt from the committed changelog. In 4.2.1 the state updater
 * writes an enforced checkpoint when a task finishes restoring, and nothing removes it when the task
 * starts processing; after a crash the next start trusts the local stores, replays only the
 * changelog's tail, and keeps whatever the aborted transaction left behind. For the dedup store that
 * means the event ids of the records being processed when the process died: on replay those records
 * are taken for duplicates and silently lost.
 *
 * <p>The processors' {@code init} runs after the restoration (and after that checkpoint), before the
 * first record; deleting the file there is what the upstream fix does in
 * {@code StreamTask.completeRestoration}. A clean shutdown still writes the file, so a normal restart
 * does not restore from scratch. Remove once the platform's Kafka Streams carries KAFKA-20685.
 */
final class CheckpointAfterRestore {

    /** The task's checkpoint file, in its state directory (Kafka Streams' {@code ProcessorStateManager}). */
    static final String FILE = ".checkpoint";

    private CheckpointAfterRestore() {
    }

    /** Deletes the running task's checkpoint file when the application processes exactly once. */
    static void deleteUnderExactlyOnce(ProcessingContext context) {
        Object guarantee = context.appConfigs().get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
        if (guarantee == null || StreamsConfig.AT_LEAST_ONCE.equals(guarantee.toString())) {
            return;
        }
        File taskDir = context.stateDir();
        if (taskDir == null) {
            return;
        }
        try {
            Files.deleteIfExists(taskDir.toPath().resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the checkpoint of task " + context.taskId()
                    + " (an exactly-once task must run without one)", e);
        }
    }
}
