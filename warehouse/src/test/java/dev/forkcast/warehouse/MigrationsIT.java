package dev.forkcast.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

class MigrationsIT {

    private ScratchDatabase database;

    @BeforeEach
    void createEmptyDatabase() {
        database = ScratchDatabase.createEmpty();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void freshDatabaseAppliesEveryMigrationFile() {
        int pending = Migrations.flyway(database.dataSource()).info().pending().length;

        int applied = Migrations.migrate(database.dataSource());

        assertEquals(pending, applied);
    }

    @Test
    void freshDatabaseGetsAllSevenLayers() throws SQLException {
        Migrations.migrate(database.dataSource());

        List<String> layers = strings("""
                SELECT schema_name FROM information_schema.schemata
                WHERE schema_name IN ('raw', 'staging', 'marts', 'features', 'ml', 'ops', 'truth')
                ORDER BY schema_name""");

        assertEquals(List.of("features", "marts", "ml", "ops", "raw", "staging", "truth"), layers);
    }

    @Test
    void truthOrdersHasItsColumns() throws SQLException {
        Migrations.migrate(database.dataSource());

        List<String> columns = strings("""
                SELECT column_name || ' ' || data_type || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
                FROM information_schema.columns
                WHERE table_schema = 'truth' AND table_name = 'orders'
                ORDER BY ordinal_position""");

        assertEquals(List.of(
                "order_id text not null",
                "run_id text not null",
                "placed_at timestamp with time zone not null",
                "restaurant_id text not null",
                "customer_id text not null",
                "weather text not null",
                "expected_delivery_minutes double precision",
                "actual_delivery_minutes double precision",
                "is_cancelled boolean not null",
                "fraud_probability double precision not null",
                "is_fraud boolean not null",
                "fraud_pattern text"), columns);
    }

    @Test
    void secondMigrationAppliesNothing() {
        Migrations.migrate(database.dataSource());

        int appliedAgain = Migrations.migrate(database.dataSource());

        assertEquals(0, appliedAgain);
    }

    @Test
    void secondMigrationChangesNothing() throws SQLException {
        Migrations.migrate(database.dataSource());
        List<String> before = schemaSnapshot();

        Migrations.migrate(database.dataSource());

        assertEquals(before, schemaSnapshot());
    }

    @Test
    void truthOrdersRejectsAFraudProbabilityAboveOne() throws SQLException {
        Migrations.migrate(database.dataSource());
        execute("""
                INSERT INTO truth.simulation_runs (run_id, seed, start_date, days, config, started_at)
                VALUES ('run-1', 42, DATE '2025-03-01', 7, '{}', TIMESTAMPTZ '2025-03-08 09:00:00+00')""");

        PSQLException error = assertThrows(PSQLException.class, () -> execute("""
                INSERT INTO truth.orders (order_id, run_id, placed_at, restaurant_id, customer_id, weather,
                                          expected_delivery_minutes, is_cancelled, fraud_probability, is_fraud)
                VALUES ('order-1', 'run-1', TIMESTAMPTZ '2025-03-01 12:30:00+00', 'restaurant-7', 'customer-3',
                        'rain', 31.5, false, 1.5, false)"""));

        assertEquals("23514", error.getSQLState());
        assertEquals("orders_fraud_probability_check", error.getServerErrorMessage().getConstraint());
    }

    /** Every column, constraint, index and applied migration: what a second migrate must leave untouched. */
    private List<String> schemaSnapshot() throws SQLException {
        List<String> snapshot = new ArrayList<>();
        snapshot.addAll(strings("""
                SELECT table_schema || '.' || table_name || '.' || column_name || ' ' || data_type
                FROM information_schema.columns
                WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
                ORDER BY 1"""));
        snapshot.addAll(strings("""
                SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                FROM pg_constraint WHERE connamespace::regnamespace::text NOT IN ('pg_catalog', 'information_schema')
                ORDER BY 1"""));
        snapshot.addAll(strings("SELECT schemaname || '.' || indexname FROM pg_indexes ORDER BY 1"));
        snapshot.addAll(strings("""
                SELECT installed_rank || ' ' || version || ' ' || checksum || ' ' || installed_on
                FROM flyway_schema_history ORDER BY installed_rank"""));
        return snapshot;
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
