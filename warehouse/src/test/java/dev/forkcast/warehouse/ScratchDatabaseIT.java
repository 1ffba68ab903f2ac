package dev.forkcast.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScratchDatabaseIT {

    /** A database of its own, to look at the server's catalogue (pg_database is shared by every database). */
    private static ScratchDatabase observer;

    @BeforeAll
    static void createObserver() {
        observer = ScratchDatabase.create();
    }

    @AfterAll
    static void dropObserver() {
        observer.close();
    }

    @Test
    void scratchDatabaseIsAlreadyMigrated() throws SQLException {
        try (ScratchDatabase database = ScratchDatabase.create()) {

            String truthOrders = Sql.queryString(database.dataSource(), "SELECT to_regclass('truth.orders')::text");

            assertEquals("truth.orders", truthOrders);
        }
    }

    @Test
    void eachScratchDatabaseHasItsOwnName() {
        try (ScratchDatabase first = ScratchDatabase.createEmpty(); ScratchDatabase second = ScratchDatabase.createEmpty()) {

            assertTrue(first.name().matches("forkcast_test_[0-9a-f]{12}"), first.name());
            assertNotEquals(first.name(), second.name());
        }
    }

    @Test
    void twoScratchDatabasesDoNotSeeEachOthersRows() throws SQLException {
        try (ScratchDatabase first = ScratchDatabase.create(); ScratchDatabase second = ScratchDatabase.create()) {

            Sql.execute(first.dataSource(), """
                    INSERT INTO truth.simulation_runs (run_id, seed, start_date, days, config, started_at)
                    VALUES ('run-1', 42, DATE '2025-03-01', 7, '{}', now())""");

            assertEquals("1", Sql.queryString(first.dataSource(), "SELECT count(*) FROM truth.simulation_runs"));
            assertEquals("0", Sql.queryString(second.dataSource(), "SELECT count(*) FROM truth.simulation_runs"));
        }
    }

    @Test
    void closeDropsTheDatabase() throws SQLException {
        ScratchDatabase database = ScratchDatabase.createEmpty();
        String name = database.name();

        database.close();

        assertEquals("0", countDatabasesNamed(name));
    }

    @Test
    void closeDropsTheDatabaseEvenWithAConnectionLeftOpen() throws SQLException {
        ScratchDatabase database = ScratchDatabase.createEmpty();
        Connection forgotten = database.dataSource().getConnection();

        database.close();

        assertEquals("0", countDatabasesNamed(database.name()));
        assertFalse(forgotten.isValid(1), "the forgotten connection was terminated");
        forgotten.close();
    }

    @Test
    void jdbcUrlAndUserReachTheSameDatabase() throws SQLException {
        try (ScratchDatabase database = ScratchDatabase.createEmpty()) {
            DataSource fromParts = new DatabaseSettings(database.jdbcUrl(), database.user(), database.password()).dataSource();

            String name = Sql.queryString(fromParts, "SELECT current_database()");

            assertEquals(database.name(), name);
        }
    }

    private static String countDatabasesNamed(String name) throws SQLException {
        try (Connection connection = observer.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

}
