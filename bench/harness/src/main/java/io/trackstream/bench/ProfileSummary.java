package io.trackstream.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where a recording's CPU samples fall, as text: by thread, by the package of the sampled frame,
 * by method (self), and by the first frame of Trackstream's own code or of a named library on the
 * stack (inclusive), so "commits" and "JSON decoding" show as one line each.
 *
 * <p>{@code java -cp <harness classpath> io.trackstream.bench.ProfileSummary recording.jfr [top]}
 */
public final class ProfileSummary {

    /** Work done for the Streams commit (flushing caches and stores, the transaction): counted as the commit. */
    private static final List<String> COMMIT = List.of(
            "org.apache.kafka.streams.processor.internals.TaskManager.commit",
            "org.apache.kafka.streams.processor.internals.StreamThread.maybeCommit");

    /**
     * Costs a reader knows; outside a commit a sample counts under the one nearest to its sampled
     * frame, so a store write inside the service's processor counts as the store, and JSON work
     * counts under the class that asked for it (the contract's decoder, a store's serde).
     */
    private static final List<String> MARKERS = List.of(
            "io.trackstream.model.EventSerde",
            "io.trackstream.model.EventCodec",
            "io.trackstream.model.RecordStream",
            ".JsonSerde",
            "org.apache.kafka.streams.state.internals.CachingKeyValueStore",
            "org.apache.kafka.streams.state.internals.RocksDBStore",
            "org.apache.kafka.streams.state.internals.InMemoryKeyValueStore",
            "org.apache.kafka.streams.state.internals.ChangeLoggingKeyValueBytesStore",
            "com.datastax",
            "org.apache.kafka.clients.producer",
            "org.apache.kafka.clients.consumer",
            "org.apache.kafka.common.network",
            "io.trackstream");

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        List<RecordedEvent> samples = RecordingFile.readAllEvents(Path.of(args[0])).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample"))
                .filter(e -> e.getStackTrace() != null && !e.getStackTrace().getFrames().isEmpty())
                .toList();
        System.out.printf("%s: %d CPU samples%n", args[0], samples.size());
        print("by thread", samples, e -> threadGroup(e.getThread("sampledThread").getJavaName()), top);
        print("by package (self)", samples, e -> pkg(frame(e.getStackTrace(), 0)), top);
        print("by method (self)", samples, e -> method(frame(e.getStackTrace(), 0)), top);
        print("by the known cost nearest to the sampled frame (the commit first)", samples, e -> marker(e.getStackTrace()), top);
    }

    private static void print(String title, List<RecordedEvent> samples, Function<RecordedEvent, String> key, int top) {
        Map<String, Long> counts = samples.stream().collect(Collectors.groupingBy(key, HashMap::new, Collectors.counting()));
        System.out.printf("%n## %s%n", title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%5.1f %%  %s%n", 100.0 * e.getValue() / samples.size(), e.getKey()));
    }

    private static RecordedFrame frame(RecordedStackTrace stack, int i) {
        return stack.getFrames().get(i);
    }

    private static String method(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String pkg(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }

    private static String marker(RecordedStackTrace stack) {
        for (RecordedFrame f : stack.getFrames()) {
            String m = method(f);
            if (COMMIT.stream().anyMatch(m::startsWith)) {
                return "Streams commit (caches, stores, transaction)";
            }
        }
        for (RecordedFrame f : stack.getFrames()) {
            String m = method(f);
            for (String marker : MARKERS) {
                if (marker.startsWith(".") ? m.contains(marker + ".") : m.startsWith(marker)) {
                    return marker.equals("io.trackstream") ? m : marker;
                }
            }
        }
        return "other: " + method(frame(stack, 0));
    }

    /** Thread names without their numbers: the stream threads are one line. */
    private static String threadGroup(String name) {
        return name == null ? "?" : name.replaceAll("-\\d+", "-N").replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "ID");
    }
}
