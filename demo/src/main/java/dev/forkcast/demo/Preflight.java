package dev.forkcast.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the demo needs before it starts anything, each missing piece reported with what to do about it: the
 * modules built, its ports free, room on the disk. (Java itself is checked by the {@code forkcast} script, which
 * cannot start this class without it.)
 */
public final class Preflight {

    /** PostgreSQL's data, Kafka's log and Spark's scratch files for the default city fit in well under this. */
    static final long NEEDED_DISK_BYTES = 1L << 30;

    private final List<String> problems = new ArrayList<>();

    /** The problems found so far, one sentence each; empty when the demo can go. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Throws with every problem listed, or returns when there are none. */
    public void requireNothingMissing() {
        if (!problems.isEmpty()) {
            StringBuilder text = new StringBuilder("the demo cannot start:");
            for (String problem : problems) {
                text.append("\n  - ").append(problem);
            }
            throw new PreflightException(text.toString());
        }
    }

    /** The module's classes and its classpath file, which {@code ./forkcast build} writes. */
    public Preflight moduleBuilt(Path home, String module) {
        Path target = home.resolve(module).resolve("target");
        if (!Files.isDirectory(target.resolve("classes")) || !Files.isRegularFile(target.resolve("classpath.txt"))) {
            problems.add(String.format("the %s module is not built (%s is missing): run ./forkcast build", module,
                    home.relativize(target.resolve("classpath.txt"))));
        }
        return this;
    }

    /** Nothing may listen on the port yet; {@code what} says who would use it, {@code remedy} how to pick another. */
    public Preflight portFree(int port, String what, String remedy) {
        if (!isFree(port)) {
            problems.add(String.format("port %d (%s) is in use by another program. Find it with `ss -ltnp | grep :%d`"
                    + " (or `lsof -i :%d`) and stop it, or %s", port, what, port, port, remedy));
        }
        return this;
    }

    /** At least {@code needed} bytes free on the file system of {@code directory} (or its nearest existing parent). */
    public Preflight diskSpace(Path directory, long needed) {
        Path existing = directory.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return this;
        }
        try {
            long free = Files.getFileStore(existing).getUsableSpace();
            if (free < needed) {
                problems.add(String.format(Locale.ROOT, "only %,d MB free on the disk of %s; the demo needs about"
                        + " %,d MB (PostgreSQL, Kafka and Spark files): free some space, or set FORKCAST_HOME to a"
                        + " checkout on a disk with room", free >> 20, existing, needed >> 20));
            }
        } catch (IOException e) {
            // A file system that cannot say how full it is: let the stages fail with their own errors if it is.
        }
        return this;
    }

    /**
     * True when no program listens on the loopback port: this process could listen there (and lets go at once).
     * With SO_REUSEADDR, as servers bind: connections of a server that just stopped may linger in TIME_WAIT for a
     * minute, and they do not stop the next server from listening.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The demo's pre-flight found something missing; the message says what and how to get it. */
    public static final class PreflightException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PreflightException(String message) {
            super(message);
        }
    }
}
