package dev.forkcast.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One of the demo's child JVMs (the ETL, the trainer, the API): started with its own module's classpath and this
 * JVM's Java, told where the warehouse and Kafka are through the usual {@code FORKCAST_*} variables, its output
 * appended to a log file and handed line by line to whoever wants to show it.
 *
 * <p>{@link #stop(Duration)} asks politely first (SIGTERM: the child's shutdown hooks run, the API drains its
 * prediction log) and only then forces it.
 */
public final class JavaChild implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Thread pump;

    private JavaChild(String name, Process process, Thread pump) {
        this.name = name;
        this.process = process;
        this.pump = pump;
    }

    /**
     * Starts {@code main} from {@code classpath}.
     *
     * @param environment variables for the child on top of this process's own (they win)
     * @param logFile where every line of the child's output is appended
     * @param lines hears every line too (from a thread of its own), e.g. to print the interesting ones
     */
    public static JavaChild start(String name, String classpath, String main, List<String> jvmArgs, List<String> args,
                                  Map<String, String> environment, Path logFile, Consumer<String> lines) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classpath, main));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.getParent());
            Process process = builder.start();
            Thread pump = new Thread(() -> pump(process, logFile, lines), "forkcast-demo-" + name + "-output");
            pump.setDaemon(true);
            pump.start();
            return new JavaChild(name, process, pump);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name + " JVM", e);
        }
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits for the child to end by itself; its exit code, after its last output line was handed on. */
    public int awaitExit() throws InterruptedException {
        int exit = process.waitFor();
        pump.join(5_000);
        return exit;
    }

    /** Asks the child to stop (SIGTERM), waits up to {@code grace}, then kills it. Idempotent. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            pump.join(2_000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    private static void pump(Process process, Path logFile, Consumer<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                log.println(line);
                lines.accept(line);
            }
        } catch (IOException e) {
            // The child closed its output (it ended or was killed): nothing more to show.
        }
    }
}
