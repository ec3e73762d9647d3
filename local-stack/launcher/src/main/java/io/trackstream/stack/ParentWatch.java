package io.trackstream.stack;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Entry point of every child JVM the local stack starts: runs the real main class, and exits the
 * JVM (running its shutdown hooks, so a server stops cleanly) as soon as the launching process is
 * gone. The launcher holds the write end of the child's stdin; when the launcher dies, even by
 * SIGKILL, the pipe closes and this thread reads end-of-file. So no server outlives its launcher.
 *
 * <p>Only JDK classes here: this class runs on the servers' own classpaths.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ParentWatch <main class> [args...]");
        }
        Thread watcher = new Thread(ParentWatch::exitWhenParentGoes, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        try {
            Class.forName(args[0])
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitWhenParentGoes() {
        try {
            while (System.in.read() != -1) {
                // the launcher never writes; anything read is ignored
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as end-of-file
        }
        System.exit(0);
    }
}
