package dev.forkcast.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forkcast.simulator.truth.WarehouseTruthWriter;
import dev.forkcast.warehouse.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Truth is idempotent by window, not only by run: order ids carry their day ({@code o20260302-000017}),
 * so another seed over the same days makes the same ids and must replace the earlier orders, not collide.
 */
class TruthWindowIT {

    private static ScratchDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = ScratchDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void anotherSeedOverTheSameDayReplacesTheEarlierOrders() throws SQLException {
        simulateOneDay(1);

        Run second = simulateOneDay(2);

        Map<String, Long> ordersByRun = new HashMap<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT run_id, count(*) FROM truth.orders GROUP BY run_id")) {
            while (rows.next()) {
                ordersByRun.put(rows.getString(1), rows.getLong(2));
            }
        }
        assertEquals(Map.of(second.runId(), second.ordersPlaced()), ordersByRun);
    }

    private record Run(String runId, long ordersPlaced) {
    }

    private static Run simulateOneDay(long seed) {
        try (WarehouseTruthWriter truth = new WarehouseTruthWriter(database.dataSource())) {
            Simulator simulator = new Simulator(SmallCity.config(1), seed, new RecordingSink(), truth);
            long ordersPlaced = simulator.run().ordersPlaced();
            return new Run(simulator.runInfo().runId(), ordersPlaced);
        }
    }
}
