package dev.forkcast.simulator.truth;

import dev.forkcast.events.EventType;
import dev.forkcast.events.Timestamps;
import dev.forkcast.events.Topic;
import dev.forkcast.simulator.SimulationStats;
import dev.forkcast.simulator.dirt.DirtKind;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes the truth into the warehouse's {@code truth} schema. Orders are streamed with PostgreSQL's
 * COPY in batches (the fastest way to load rows, see TOOLING notes) on one connection held for the run.
 *
 * <p>Idempotent by window: a run first deletes its own earlier truth and any order placed inside its
 * window, so simulating the same days again replaces them.
 */
public final class WarehouseTruthWriter implements TruthSink {

    /** Rows per COPY: large enough to amortise the round trip, small enough to keep memory flat. */
    private static final int ROWS_PER_COPY = 10_000;

    private final Connection connection;
    private final CopyManager copy;
    private final StringBuilder csv = new StringBuilder(ROWS_PER_COPY * 160);
    private final Timestamps timestamps = new Timestamps();
    private int buffered;
    private String runId;

    public WarehouseTruthWriter(DataSource dataSource) {
        try {
            connection = dataSource.getConnection();
            copy = connection.unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the warehouse to write the truth: " + e.getMessage(), e);
        }
    }

    @Override
    public void runStarted(RunInfo run) {
        this.runId = run.runId();
        try (PreparedStatement deleteRun = connection.prepareStatement(
                     "DELETE FROM truth.simulation_runs WHERE run_id = ?");
             PreparedStatement deleteWindow = connection.prepareStatement(
                     "DELETE FROM truth.orders WHERE placed_at >= ? AND placed_at < ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO truth.simulation_runs (run_id, seed, start_date, days, config, started_at)"
                             + " VALUES (?, ?, ?, ?, ?::jsonb, now())")) {
            deleteRun.setString(1, run.runId());
            deleteRun.executeUpdate();
            deleteWindow.setTimestamp(1, new Timestamp(run.startMillis()));
            deleteWindow.setTimestamp(2, new Timestamp(run.endMillis()));
            deleteWindow.executeUpdate();
            insert.setString(1, run.runId());
            insert.setLong(2, run.seed());
            insert.setObject(3, run.startDate());
            insert.setInt(4, run.days());
            insert.setString(5, run.configJson());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the run in truth.simulation_runs: " + e.getMessage(), e);
        }
    }

    @Override
    public void order(OrderTruth t) {
        csv.append(t.orderId()).append(',').append(runId).append(',');
        timestamps.append(csv, t.placedAtMillis());
        csv.append(',').append(t.restaurantId()).append(',').append(t.customerId()).append(',').append(t.weather())
                .append(',');
        if (!Double.isNaN(t.expectedDeliveryMinutes())) {
            csv.append(t.expectedDeliveryMinutes());
        }
        csv.append(',');
        if (!Double.isNaN(t.actualDeliveryMinutes())) {
            csv.append(t.actualDeliveryMinutes());
        }
        csv.append(',').append(t.cancelled()).append(',').append(t.fraudProbability()).append(',').append(t.fraud())
                .append(',');
        if (t.fraudPattern() != null) {
            csv.append(t.fraudPattern());
        }
        csv.append('\n');
        if (++buffered == ROWS_PER_COPY) {
            flushOrders();
        }
    }

    @Override
    public void runFinished(RunInfo run, SimulationStats stats) {
        flushOrders();
        try (PreparedStatement update = connection.prepareStatement(
                     "UPDATE truth.simulation_runs SET finished_at = now(), count_orders = ?, count_events = ?,"
                             + " count_records = ?, events_by_type = ?::jsonb WHERE run_id = ?");
             PreparedStatement dirt = connection.prepareStatement(
                     "INSERT INTO truth.injected_dirt (run_id, dirt_kind, topic, count_records) VALUES (?, ?, ?, ?)")) {
            update.setLong(1, stats.ordersPlaced());
            update.setLong(2, stats.events());
            update.setLong(3, stats.records());
            update.setString(4, eventsByTypeJson(stats));
            update.setString(5, run.runId());
            update.executeUpdate();
            for (DirtKind kind : DirtKind.values()) {
                for (Topic topic : Topic.values()) {
                    dirt.setString(1, run.runId());
                    dirt.setString(2, kind.wireName());
                    dirt.setString(3, topic.topicName());
                    dirt.setLong(4, stats.dirt(kind, topic));
                    dirt.addBatch();
                }
            }
            dirt.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the run's totals: " + e.getMessage(), e);
        }
    }

    @Override
    public void flush() {
        flushOrders();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the truth connection: " + e.getMessage(), e);
        }
    }

    private void flushOrders() {
        if (buffered == 0) {
            return;
        }
        try {
            copy.copyIn("COPY truth.orders (order_id, run_id, placed_at, restaurant_id, customer_id, weather,"
                    + " expected_delivery_minutes, actual_delivery_minutes, is_cancelled, fraud_probability,"
                    + " is_fraud, fraud_pattern) FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write truth.orders: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        csv.setLength(0);
        buffered = 0;
    }

    private static String eventsByTypeJson(SimulationStats stats) {
        StringBuilder json = new StringBuilder("{");
        for (EventType type : EventType.values()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(type.wireName()).append("\":").append(stats.events(type));
        }
        return json.append('}').toString();
    }
}
