package dev.forkcast.bench;

import dev.forkcast.warehouse.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classpath, main));
        command.addAll(args);
        ProcessBuilder child = new ProcessBuilder(command).inheritIO();
        child.environment().putAll(database.toEnvironment());
        int exit = child.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(main + " failed (exit " + exit + ")");
        }
    }
}
