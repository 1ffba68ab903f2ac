package dev.forkcast.simulator.bench;

import dev.forkcast.bench.BenchReport;
import dev.forkcast.simulator.SimulationConfig;
import dev.forkcast.simulator.SimulationStats;
import dev.forkcast.simulator.Simulator;
import dev.forkcast.simulator.sink.JsonLinesFileSink;
import dev.forkcast.simulator.sink.NullSink;
import dev.forkcast.simulator.truth.TruthSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./forkcast bench simulator}: how fast the city runs.
 *
 * <ol>
 *   <li><b>null sink</b>: the simulator alone (world, dirt, JSON), best of three runs after a warm-up.
 *       Target: at least 200,000 events per second on one core ({@code ./forkcast} pins the JVM to one).</li>
 *   <li><b>file sink</b>: the same run written to a JSON-lines file.</li>
 *   <li><b>baseline</b>: the same lines written to a file with a plain buffered writer, in this run, on
 *       this disk: the ratio says how close the simulator's file output comes to what the disk allows.</li>
 * </ol>
 *
 * Each run includes the fraud calibration (a quiet replay of the first week), because every real run
 * pays for it too. Truth is not written: the database is not what is measured here.
 */
public final class SimulatorBenchmark {

    private static final double TARGET_EVENTS_PER_SECOND = 200_000;
    private static final int REPETITIONS = 3;

    private SimulatorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int days = 7;
        long seed = 42;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--days" -> days = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--days N, --seed N)");
            }
        }
        SimulationConfig config = SimulationConfig.defaults().with("clock.days", String.valueOf(days));
        BenchReport report = new BenchReport("simulator", String.format(
                "%d simulated days, seed %d, default city: %d restaurants, %,d customers, %d couriers",
                days, seed, config.restaurants, config.customers, config.couriers));

        System.out.println("warming up the JIT (one simulated day)...");
        new Simulator(config.with("clock.days", "1"), seed, new NullSink(), TruthSink.NONE).run();

        double[] seconds = new double[REPETITIONS];
        SimulationStats stats = null;
        for (int r = 0; r < REPETITIONS; r++) {
            System.out.printf("null sink, run %d of %d...%n", r + 1, REPETITIONS);
            NullSink sink = new NullSink();
            long start = System.nanoTime();
            stats = new Simulator(config, seed, sink, TruthSink.NONE).run();
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        double best = Arrays.stream(seconds).min().orElseThrow();
        report.measurement("null sink: business events", stats.events(), best, "events");
        report.measurement("null sink: all records (events + dirt)", stats.records(), best, "records");

        Path dir = Files.createDirectories(Path.of(System.getenv().getOrDefault("FORKCAST_HOME", "."), "target", "bench"));
        Path eventsFile = dir.resolve("simulator-events.jsonl");
        Path plainFile = dir.resolve("simulator-plain-copy.jsonl");
        try {
            System.out.println("file sink...");
            long start = System.nanoTime();
            try (JsonLinesFileSink sink = new JsonLinesFileSink(eventsFile)) {
                new Simulator(config, seed, sink, TruthSink.NONE).run();
            }
            double fileSeconds = (System.nanoTime() - start) / 1e9;
            report.measurement("file sink: all records", stats.records(), fileSeconds, "records");

            System.out.println("baseline: a plain buffered write of the same lines...");
            List<String> lines = Files.readAllLines(eventsFile, StandardCharsets.UTF_8);
            start = System.nanoTime();
            try (BufferedWriter writer = Files.newBufferedWriter(plainFile, StandardCharsets.UTF_8)) {
                for (String line : lines) {
                    writer.write(line);
                    writer.write('\n');
                }
            }
            double plainSeconds = (System.nanoTime() - start) / 1e9;
            report.measurement("baseline: plain write of the same lines", lines.size(), plainSeconds, "records");

            report.ratio("file sink / plain write", plainSeconds / fileSeconds,
                    "share of the disk's pace the simulator keeps while writing (1 = as fast as the disk)");
            report.ratio("file sink / null sink", best / fileSeconds, "share of the simulator's pace left after writing");
        } finally {
            Files.deleteIfExists(eventsFile);
            Files.deleteIfExists(plainFile);
        }

        double eventsPerSecond = stats.events() / best;
        report.target(String.format("null sink >= %,.0f events/s on one core", TARGET_EVENTS_PER_SECOND),
                eventsPerSecond >= TARGET_EVENTS_PER_SECOND);
        report.print(System.out);
        System.out.println("\nsaved " + report.save());
    }
}
