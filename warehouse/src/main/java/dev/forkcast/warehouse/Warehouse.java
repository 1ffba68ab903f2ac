package dev.forkcast.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The warehouse this process works with, already migrated: the external PostgreSQL named by
 * {@code FORKCAST_DB_URL}, or else the local embedded server (database {@value #DATABASE}, created if missing).
 *
 * <pre>{@code
 * try (Warehouse warehouse = Warehouse.open()) {
 *     System.out.println("Warehouse: " + warehouse.description());
 *     try (Connection connection = warehouse.dataSource().getConnection()) { ... }
 * }
 * }</pre>
 *
 * <p>Closing it stops the embedded server if this process started it.
 */
public final class Warehouse implements AutoCloseable {

    public static final String DATABASE = "forkcast";

    private final DataSource dataSource;
    private final DatabaseSettings settings;
    private final String description;
    private final EmbeddedPostgres server;

    private Warehouse(DataSource dataSource, DatabaseSettings settings, String description, EmbeddedPostgres server) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.description = description;
        this.server = server;
    }

    /** The warehouse the environment names (see {@link DatabaseSettings}). */
    public static Warehouse open() {
        return open(DatabaseSettings.fromEnvironment());
    }

    public static Warehouse open(DatabaseSettings settings) {
        if (settings.usesEmbeddedServer()) {
            return openEmbedded(EmbeddedPostgres.localServer());
        }
        DataSource dataSource = settings.dataSource();
        requireConnection(dataSource, settings);
        Migrations.migrate(dataSource);
        String version = Databases.serverVersion(dataSource);
        String description = "PostgreSQL " + version + " at " + JdbcUrls.redactPassword(settings.jdbcUrl())
                + " as user " + settings.user();
        return new Warehouse(dataSource, settings, description, null);
    }

    /** Opens the {@value #DATABASE} database on an embedded server (package-private: tests pass their own server). */
    static Warehouse openEmbedded(EmbeddedPostgres server) {
        try {
            Databases.createIfMissing(server.dataSource("postgres"), DATABASE);
            DataSource dataSource = server.dataSource(DATABASE);
            Migrations.migrate(dataSource);
            DatabaseSettings settings = new DatabaseSettings(server.jdbcUrl(DATABASE), EmbeddedPostgres.SUPERUSER, "");
            return new Warehouse(dataSource, settings, describeEmbedded(server), server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** One line saying which database this is, for commands to print (never a password). */
    public String description() {
        return description;
    }

    /**
     * The concrete URL and credentials of this warehouse, e.g. for Spark's JDBC reader or a child process
     * ({@code FORKCAST_DB_URL=settings.jdbcUrl()}).
     */
    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    /** Fails with the place we tried (never the password) rather than a bare driver error. */
    private static void requireConnection(DataSource dataSource, DatabaseSettings settings) {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to " + settings.describe() + ": " + e.getMessage(), e);
        }
    }

    private static String describeEmbedded(EmbeddedPostgres server) {
        String sharing = server.startedHere() ? "" : ", server started by another process";
        return "embedded PostgreSQL " + server.version() + " at localhost:" + server.port() + "/" + DATABASE
                + " (data in " + shortPath(server.dataDirectory()) + sharing + ")";
    }

    /** Relative to the working directory when inside it (".forkcast/pgdata"), else absolute. */
    private static Path shortPath(Path path) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
    }
}
