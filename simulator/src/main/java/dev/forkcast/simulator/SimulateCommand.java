package dev.forkcast.simulator;

import dev.forkcast.events.EventType;
import dev.forkcast.simulator.dirt.DirtKind;
import dev.forkcast.simulator.sink.EventSink;
import dev.forkcast.simulator.sink.JsonLinesFileSink;
import dev.forkcast.simulator.truth.TruthSink;
import dev.forkcast.simulator.truth.WarehouseTruthWriter;
import dev.forkcast.warehouse.Warehouse;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code ./forkcast simulate}: runs the city, writes its events to a JSON-lines file and its ground
 * truth to the warehouse, and prints progress and a summary.
 */
public final class SimulateCommand {

    private static final String HELP = """
            Usage: ./forkcast simulate [options]

            Runs the simulated city and writes what it emits, one record per line.

              --days N            simulated days (default 7)
              --seed N            the world's seed; same seed + settings = byte-identical output (default 42)
              --out FILE          where the records go (default events.jsonl)
              --start DATE        first simulated day, e.g. 2026-03-02 (a Monday)
              --speedup X         pace the clock: 60 = one simulated hour per real minute (default 0 = flat out)
              --restaurants N, --customers N, --couriers N, --orders-per-day N
              --config FILE       a properties file of settings (see simulator/.../city.properties)
              --some.setting V    any setting from city.properties, e.g. --dirt.duplicate_rate 0.05
              --truth db|none     write the ground truth to the warehouse (default db) or skip it

            The warehouse is the embedded PostgreSQL unless FORKCAST_DB_URL names another one.
            """;

    private SimulateCommand() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        try {
            System.exit(run(args, out));
        } catch (IllegalArgumentException e) {
            System.err.println("simulate: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] args, PrintStream out) {
        CommandLine line = CommandLine.parse(args, Set.of("seed", "out", "config", "truth", "help"));
        if (line.options.containsKey("help")) {
            out.print(HELP);
            return 0;
        }
        long seed = parseSeed(line.option("seed", "42"));
        SimulationConfig config = line.options.containsKey("config")
                ? SimulationConfig.fromFile(Path.of(line.option("config", null)), line.settings)
                : SimulationConfig.withOverrides(line.settings);
        Path outFile = Path.of(line.option("out", "events.jsonl"));
        String truthTarget = line.option("truth", "db");
        if (!truthTarget.equals("db") && !truthTarget.equals("none")) {
            throw new IllegalArgumentException("--truth must be db or none, got " + truthTarget);
        }

        out.printf("Forkcast simulator: seed %d, %d days from %s (%s), %,d restaurants, %,d customers, %,d couriers%n",
                seed, config.days, config.startDate, config.startDate.getDayOfWeek(), config.restaurants,
                config.customers, config.couriers);
        out.printf("events -> %s%n", outFile.toAbsolutePath());
        Warehouse warehouse = truthTarget.equals("db") ? Warehouse.open() : null;
        try (EventSink sink = new JsonLinesFileSink(outFile);
             TruthSink truth = warehouse != null ? new WarehouseTruthWriter(warehouse.dataSource()) : TruthSink.NONE) {
            out.println(warehouse != null ? "truth  -> " + warehouse.description() : "truth  -> not written (--truth none)");
            long started = System.nanoTime();
            Simulator simulator = new Simulator(config, seed, sink, truth).onProgress((day, days, stats) -> {
                double seconds = (System.nanoTime() - started) / 1e9;
                out.printf("  day %d/%d  %s  %,9d orders  %,11d records  %,8.0f records/s%n", day, days,
                        config.startDate.plusDays(day - 1), stats.ordersPlaced(), stats.records(),
                        stats.records() / Math.max(seconds, 1e-9));
            });
            SimulationStats stats = simulator.run();
            sink.flush();
            double seconds = (System.nanoTime() - started) / 1e9;
            printSummary(out, config, stats, seconds, Files.size(outFile));
            if (warehouse != null) {
                out.printf("truth: %,d orders in truth.orders, run %s%n", stats.ordersPlaced(),
                        simulator.runInfo().runId());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (warehouse != null) {
                warehouse.close();
            }
        }
        return 0;
    }

    static void printSummary(PrintStream out, SimulationConfig config, SimulationStats stats, double seconds,
                             long bytes) {
        long cancelled = stats.ordersCancelled();
        out.println();
        out.println("Summary");
        out.printf("  orders        %,12d  (delivered %,d, cancelled %,d = %.1f%%)%n", stats.ordersPlaced(),
                stats.ordersPlaced() - cancelled, cancelled, 100.0 * cancelled / Math.max(1, stats.ordersPlaced()));
        out.printf("  fraud rate    %11.2f%%  (target %.2f%% over the first week; mean probability %.2f%%)%n",
                100 * stats.fraudRate(), 100 * config.fraudTargetRate, 100 * stats.meanFraudProbability());
        out.printf("  events        %,12d  (each sent once; duplicates and broken copies counted below)%n",
                stats.events());
        for (EventType type : EventType.values()) {
            out.printf("    %-26s %,10d%n", type.wireName(), stats.events(type));
        }
        out.printf("  dirt injected (records; rates are of all records, or of device events for clock skew)%n");
        for (DirtKind kind : DirtKind.values()) {
            long base = kind == DirtKind.CLOCK_SKEW ? stats.deviceEvents() : stats.records();
            out.printf("    %-26s %,10d  %6.2f%%%n", kind.wireName(), stats.dirt(kind),
                    100.0 * stats.dirt(kind) / Math.max(1, base));
        }
        out.printf("  records       %,12d  (%,.1f MB) in %.1f s = %,.0f records/s%n", stats.records(),
                bytes / 1e6, seconds, stats.records() / Math.max(seconds, 1e-9));
        if (stats.recordsAfterHorizon() > 0) {
            out.printf("  not sent      %,12d  records that would happen after the last day (next run's news)%n",
                    stats.recordsAfterHorizon());
        }
    }

    private static long parseSeed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number, got '" + text + "'");
        }
    }
}
