package io.trackstream.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on: they mean nothing without it. */
final class Machine {

    private Machine() {
    }

    static Map<String, String> describe() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        facts.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        facts.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        facts.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        facts.put("kafka", org.apache.kafka.common.utils.AppInfoParser.getVersion() + " (single node, KRaft, same machine)");
        facts.put("cassandra", "5.0 (single node, same machine)");
        facts.put("cassandra driver", com.datastax.oss.driver.api.core.session.Session.OSS_DRIVER_COORDINATES.getVersion().toString());
        return facts;
    }

    /** Resident memory of a process in MiB, from /proc (Linux); -1 when unknown. */
    static double rssMiB(long pid) {
        String value = firstValue(Path.of("/proc", Long.toString(pid), "status"), "VmRSS");
        try {
            return Long.parseLong(value.replaceAll("[^0-9]", "")) / 1024.0;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
