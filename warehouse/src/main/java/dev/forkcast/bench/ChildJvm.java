package dev.forkcast.bench;

import dev.forkcast.warehouse.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a step of a benchmark in a JVM of its own: a module the benchmark may not link against (the ML side
 * never runs Spark in its process), or work whose memory should not count against the measured code. The child
 * uses this Java, reaches the same database through {@code FORKCAST_DB_*}, and prints to this console.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Runs {@code main} with {@code args} and waits for it.
     *
     * @throws IllegalStateException when it exits with anything but 0
     */
    public static void run(DatabaseSettings database, List<String> jvmArgs, String classpath, String main,
                           List<String> args) throws IOException, InterruptedException {
        int exit = start(database, Map.of(), jvmArgs, classpath, main, args).waitFor();
        if (exit != 0) {
            throw new IllegalStateException(main + " failed (exit " + exit + ")");
        }
    }

    /**
     * Starts {@code main} with {@code args} and returns at once: for a child that serves while the benchmark
     * measures it (the caller stops it with {@link Process#destroy()}).
     *
     * @param environment variables set for the child besides the database's
     */
    public static Process start(DatabaseSettings database, Map<String, String> environment, List<String> jvmArgs,
                                String classpath, String main, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classpath, main));
        command.addAll(args);
        ProcessBuilder child = new ProcessBuilder(command).inheritIO();
        child.environment().putAll(database.toEnvironment());
        child.environment().putAll(environment);
        return child.start();
    }
}
