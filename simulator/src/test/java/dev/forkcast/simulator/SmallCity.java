package dev.forkcast.simulator;

import java.util.Map;

/** Test cities: small enough to run in well under a second a day, busy enough for statistics. */
final class SmallCity {

    private SmallCity() {
    }

    /** 120 restaurants, 4,000 customers, 80 couriers, 800 orders a day. */
    static SimulationConfig config(int days) {
        return SimulationConfig.withOverrides(Map.of(
                "city.restaurants", "120",
                "city.customers", "4000",
                "city.couriers", "80",
                "demand.orders_per_day", "800",
                "demand.new_customers_per_day", "10",
                "fraud.stolen_card_accounts_per_day", "3",
                "fraud.farms_per_week", "2",
                "clock.days", String.valueOf(days)));
    }

    static Run run(SimulationConfig config, long seed) {
        RecordingSink sink = new RecordingSink();
        RecordingTruth truth = new RecordingTruth();
        SimulationStats stats = new Simulator(config, seed, sink, truth).run();
        return new Run(sink, truth, stats);
    }

    record Run(RecordingSink sink, RecordingTruth truth, SimulationStats stats) {
    }
}
