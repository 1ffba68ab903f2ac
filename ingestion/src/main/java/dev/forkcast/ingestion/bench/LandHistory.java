package dev.forkcast.ingestion.bench;

import dev.forkcast.ingestion.landing.DirectLanding;
import dev.forkcast.simulator.CommandLine;
import dev.forkcast.simulator.SimulationConfig;
import dev.forkcast.simulator.SimulationStats;
import dev.forkcast.simulator.Simulator;
import dev.forkcast.simulator.truth.TruthSink;
import dev.forkcast.simulator.truth.WarehouseTruthWriter;
import dev.forkcast.warehouse.Warehouse;
import java.util.Set;

/**
 * Lands a simulated history into the configured warehouse's {@code raw.events} without Kafka
 * ({@link DirectLanding}), with its truth: the input the ETL benchmark measures the ETL on. Takes the
 * simulator's settings ({@code --clock.days 50 --demand.orders_per_day 20000}) and {@code --seed}.
 */
public final class LandHistory {

    private LandHistory() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine line = CommandLine.parse(args, Set.of("seed"));
        SimulationConfig config = SimulationConfig.withOverrides(line.settings);
        long seed = Long.parseLong(line.option("seed", "42"));
        long started = System.nanoTime();
        try (Warehouse warehouse = Warehouse.open();
             DirectLanding landing = new DirectLanding(warehouse.dataSource());
             TruthSink truth = new WarehouseTruthWriter(warehouse.dataSource())) {
            Simulator simulator = new Simulator(config, seed, landing, truth).onProgress((day, days, stats) -> {
                if (day % 10 == 0 || day == days) {
                    System.out.printf("  day %d/%d: %,d orders, %,d rows landed%n", day, days, stats.ordersPlaced(),
                            landing.landed());
                }
            });
            SimulationStats stats = simulator.run();
            landing.flush();
            System.out.printf("landed %,d orders: %,d raw rows, %,d dead letters in %.0f s%n", stats.ordersPlaced(),
                    landing.landed(), landing.deadLetters(), (System.nanoTime() - started) / 1e9);
        }
    }
}
