package io.trackstream.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The util-linux wrappers a child process starts under, where they exist: {@code setsid} puts it
 * in its own session, so a terminal's Ctrl-C reaches only the launcher (which stops services
 * before servers); as root, {@code setpriv} drops CAP_IPC_LOCK so Cassandra's mlockall cannot pin
 * its whole heap in memory.
 */
final class OsTools {

    private OsTools() {
    }

    static List<String> isolationPrefix() {
        List<String> prefix = new ArrayList<>();
        find("setsid").ifPresent(setsid -> prefix.add(setsid.toString()));
        if (isRoot()) {
            find("setpriv").ifPresent(setpriv -> {
                prefix.add(setpriv.toString());
                prefix.add("--bounding-set=-ipc_lock");
            });
        }
        return prefix;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static java.util.Optional<Path> find(String tool) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }
}
