package io.trackstream.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the simulator's short options into Spring properties: {@code --rate=200} becomes
 * {@code --trackstream.simulator.rate=200}, and {@code --events 1000} (with a space) is accepted too.
 * Any other option with a dot ({@code --server.port=8085}, {@code --spring.kafka.bootstrap-servers=...})
 * passes through; an unknown short option is refused, so a typo does not silently run with a default.
 */
final class CommandLineOptions {

    static final Set<String> SHORT_NAMES = Set.of("rate", "events", "duration", "users", "seed", "target",
            "ingest-url", "batch-size", "max-in-flight", "late-fraction", "max-lateness", "duplicate-fraction",
            "fraud-fraction", "start", "time-scale", "ground-truth", "progress-interval");

    private static final String PREFIX = "--trackstream.simulator.";

    private CommandLineOptions() {
    }

    static String[] toSpringArgs(String... args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "': options look like --rate=200");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (name.contains(".")) {
                out.add(arg);
                continue;
            }
            if (!SHORT_NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; the options are --"
                        + String.join(", --", SHORT_NAMES.stream().sorted().toList()));
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value, e.g. --" + name + "=...");
            }
            out.add(PREFIX + name + "=" + value);
        }
        return out.toArray(String[]::new);
    }

    /** True when the options name an end (an event count or a duration), so the run exits by itself. */
    static boolean finite(String[] springArgs) {
        for (String arg : springArgs) {
            if (arg.startsWith(PREFIX + "events=") || arg.startsWith(PREFIX + "duration=")) {
                return true;
            }
        }
        return false;
    }
}
