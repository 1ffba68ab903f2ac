package dev.forkcast.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forkcast.events.Topic;
import dev.forkcast.simulator.dirt.DirtKind;
import dev.forkcast.simulator.sink.SinkRecord;
import dev.forkcast.simulator.truth.WarehouseTruthWriter;
import dev.forkcast.warehouse.ScratchDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator writing its ground truth into a real PostgreSQL through the warehouse's migrations:
 * the truth must agree with the run's own counts and with the stream a consumer would read.
 */
class SimulatorTruthIT {

    private static final long SEED = 31;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ScratchDatabase database;
    private static RecordingSink sink;
    private static SimulationStats stats;
    private static String runId;

    @BeforeAll
    static void simulateTwoDaysIntoAScratchWarehouse() {
        database = ScratchDatabase.create();
        sink = new RecordingSink();
        Simulator simulator;
        try (WarehouseTruthWriter truth = new WarehouseTruthWriter(database.dataSource())) {
            simulator = new Simulator(SmallCity.config(2), SEED, sink, truth);
            stats = simulator.run();
        }
        runId = simulator.runInfo().runId();
    }

    @AfterAll
    static void dropTheWarehouse() {
        database.close();
    }

    @Test
    void everyPlacedOrderHasOneTruthRow() throws SQLException {
        long rows = count("SELECT count(*) FROM truth.orders WHERE run_id = ?", runId);

        assertEquals(stats.ordersPlaced(), rows);
        assertTrue(rows > 1000, rows + " orders in two days of a small city");
    }

    @Test
    void theRunIsRecordedOnceWithItsCounts() throws SQLException {
        List<List<Object>> runs = query("SELECT run_id, count_orders, count_events, count_records"
                + " FROM truth.simulation_runs");

        assertEquals(List.of(List.of(runId, stats.ordersPlaced(), stats.events(), stats.records())), runs);
    }

    @Test
    void injectedDirtAddsUpToTheRunsCountsForEveryKind() throws SQLException {
        Map<String, Long> byKind = new HashMap<>();
        for (List<Object> row : query("SELECT dirt_kind, sum(count_records)::bigint FROM truth.injected_dirt"
                + " WHERE run_id = ? GROUP BY dirt_kind", runId)) {
            byKind.put((String) row.get(0), (Long) row.get(1));
        }

        Map<String, Long> expected = new HashMap<>();
        for (DirtKind kind : DirtKind.values()) {
            expected.put(kind.wireName(), stats.dirt(kind));
        }
        assertEquals(expected, byKind);
    }

    @Test
    void everyDeliveredOrderHasAnActualDeliveryTime() throws SQLException {
        List<Object> delivered = query("SELECT count(*), count(actual_delivery_minutes) FROM truth.orders"
                + " WHERE NOT is_cancelled").get(0);

        long expected = stats.ordersPlaced() - stats.ordersCancelled();
        assertEquals(List.of(expected, expected), delivered);
    }

    @Test
    void noCancelledOrderHasAnActualDeliveryTime() throws SQLException {
        List<Object> cancelled = query("SELECT count(*), count(actual_delivery_minutes) FROM truth.orders"
                + " WHERE is_cancelled").get(0);

        assertEquals(List.of(stats.ordersCancelled(), 0L), cancelled);
        assertTrue(stats.ordersCancelled() > 0, "a run without cancellations proves nothing here");
    }

    @Test
    void rerunningTheSameRunReplacesItsTruth() throws SQLException {
        List<Long> before = rowCounts();

        try (WarehouseTruthWriter truth = new WarehouseTruthWriter(database.dataSource())) {
            new Simulator(SmallCity.config(2), SEED, new RecordingSink(), truth).run();
        }

        assertEquals(before, rowCounts());
        assertEquals(List.of(stats.ordersPlaced(), 1L, (long) DirtKind.values().length * Topic.values().length),
                before);
    }

    @Test
    void theTruthHasExactlyTheOrdersTheStreamPlaced() throws SQLException {
        Set<String> placedInStream = new HashSet<>();
        for (SinkRecord record : sink.records) {
            JsonNode event = parseOrNull(record.value());
            if (event != null && event.path("event_type").isTextual() && event.path("order_id").isTextual()
                    && event.get("event_type").asText().equals("order_placed")) {
                placedInStream.add(event.get("order_id").asText());
            }
        }

        Set<String> inTruth = new HashSet<>();
        for (List<Object> row : query("SELECT order_id FROM truth.orders WHERE run_id = ?", runId)) {
            inTruth.add((String) row.get(0));
        }
        assertEquals(placedInStream, inTruth);
    }

    /** Rows in truth.orders, truth.simulation_runs and truth.injected_dirt. */
    private static List<Long> rowCounts() throws SQLException {
        return List.of(count("SELECT count(*) FROM truth.orders"),
                count("SELECT count(*) FROM truth.simulation_runs"),
                count("SELECT count(*) FROM truth.injected_dirt"));
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        return (Long) query(sql, parameters).get(0).get(0);
    }

    private static List<List<Object>> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static JsonNode parseOrNull(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }
}
