package dev.forkcast.demo;

import dev.forkcast.warehouse.DatabaseSettings;
import dev.forkcast.warehouse.EmbeddedPostgres;
import dev.forkcast.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The demo's warehouse, always an empty world to start from:
 * <ul>
 *   <li>by default a database of its own, {@value #DATABASE}, dropped and created again on the embedded
 *       PostgreSQL (started here, or reused if {@code ./forkcast db} runs), so a demo never mixes with what
 *       {@code ./forkcast ingest} put into {@code forkcast}, nor with the previous demo;</li>
 *   <li>with {@code FORKCAST_DB_URL} set, that database as it is, which must not hold events yet: the demo never
 *       drops someone's database, and a second world landed on top of a first would be duplicates.</li>
 * </ul>
 */
public final class DemoWarehouse implements AutoCloseable {

    public static final String DATABASE = "forkcast_demo";

    private final Warehouse warehouse;
    private final EmbeddedPostgres server;

    private DemoWarehouse(Warehouse warehouse, EmbeddedPostgres server) {
        this.warehouse = warehouse;
        this.server = server;
    }

    /** A fresh {@value #DATABASE} on the embedded server, migrated. */
    public static DemoWarehouse embedded() {
        EmbeddedPostgres server = EmbeddedPostgres.localServer();
        try {
            recreate(server.dataSource("postgres"));
            Warehouse warehouse = Warehouse.open(new DatabaseSettings(server.jdbcUrl(DATABASE),
                    EmbeddedPostgres.SUPERUSER, ""));
            return new DemoWarehouse(warehouse, server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The configured database, migrated; fails when it already holds events. */
    public static DemoWarehouse configured(DatabaseSettings settings) {
        Warehouse warehouse = Warehouse.open(settings);
        long events = count(warehouse.dataSource(), "SELECT count(*) FROM raw.events");
        if (events > 0) {
            warehouse.close();
            throw new Preflight.PreflightException(String.format("the demo cannot start: the database of %s already"
                    + " holds %,d raw events. The demo builds a new world and lands it into an empty warehouse: point"
                    + " FORKCAST_DB_URL at an empty database (CREATE DATABASE forkcast_demo2), or unset it to use the"
                    + " embedded PostgreSQL", DatabaseSettings.URL_VARIABLE, events));
        }
        return new DemoWarehouse(warehouse, null);
    }

    public DataSource dataSource() {
        return warehouse.dataSource();
    }

    /** The concrete URL and credentials, which the child JVMs receive as {@code FORKCAST_DB_*}. */
    public DatabaseSettings settings() {
        return warehouse.settings();
    }

    public String description() {
        if (server == null) {
            return warehouse.description();
        }
        return String.format("embedded PostgreSQL %s at localhost:%d (data in %s, %s), database %s (new for this demo)",
                server.version(), server.port(), server.dataDirectory(),
                server.startedHere() ? "started here" : "already running", DATABASE);
    }

    /** True when the demo uses the embedded server (so the tour can print a psql line for it). */
    public boolean embeddedServer() {
        return server != null;
    }

    /** Stops the embedded server if this process started it; a server someone else runs keeps running. */
    @Override
    public void close() {
        try {
            warehouse.close();
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static void recreate(DataSource server) {
        try (Connection c = server.getConnection(); Statement s = c.createStatement()) {
            // FORCE (PostgreSQL 13+): connections a previous demo left open do not keep the old world alive.
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the demo's database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    private static long count(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the warehouse: " + e.getMessage(), e);
        }
    }
}
