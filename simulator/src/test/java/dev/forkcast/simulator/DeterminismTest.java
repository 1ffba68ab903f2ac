package dev.forkcast.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.forkcast.simulator.sink.SinkRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    @Test
    void sameSeedAndConfigGiveAByteIdenticalStream() {
        SimulationConfig config = SmallCity.config(2);

        List<SinkRecord> first = SmallCity.run(config, 7).sink().records;
        List<SinkRecord> second = SmallCity.run(config, 7).sink().records;

        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i), second.get(i), "record " + i);
        }
    }

    @Test
    void anotherSeedGivesAnotherCity() {
        SimulationConfig config = SmallCity.config(1);

        List<SinkRecord> seven = SmallCity.run(config, 7).sink().records;
        List<SinkRecord> eight = SmallCity.run(config, 8).sink().records;

        assertNotEquals(seven.get(0).value(), eight.get(0).value());
    }

    @Test
    void dirtNeverChangesTheWorldItself() {
        SimulationConfig clean = SmallCity.config(2)
                .with("dirt.duplicate_rate", "0").with("dirt.late_rate", "0").with("dirt.out_of_order_rate", "0")
                .with("dirt.missing_field_rate", "0").with("dirt.malformed_rate", "0")
                .with("dirt.wrong_type_rate", "0").with("dirt.clock_skew_rate", "0");
        SimulationConfig filthy = clean.with("dirt.duplicate_rate", "0.2").with("dirt.late_rate", "0.1")
                .with("dirt.malformed_rate", "0.05").with("dirt.clock_skew_rate", "0.3");

        SmallCity.Run cleanRun = SmallCity.run(clean, 3);
        SmallCity.Run filthyRun = SmallCity.run(filthy, 3);

        assertEquals(cleanRun.truth().orders, filthyRun.truth().orders);
        assertEquals(cleanRun.stats().events(), filthyRun.stats().events());
    }
}
