package dev.forkcast.warehouse;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A brand-new, migrated database with a unique name ({@code forkcast_test_<random>}), dropped on {@link #close()}:
 * what a test of any module writes to, so no test sees another's rows.
 *
 * <p>It lives on the JVM's {@linkplain EmbeddedPostgres#testServer() test server}, or, when {@code FORKCAST_DB_URL}
 * is set, on that server (the user needs the CREATEDB privilege). A test class uses it like this:
 *
 * <pre>{@code
 * class OrderLanderIT {
 *     private static ScratchDatabase database;
 *
 *     @BeforeAll
 *     static void createDatabase() {
 *         database = ScratchDatabase.create();
 *     }
 *
 *     @AfterAll
 *     static void dropDatabase() {
 *         database.close();
 *     }
 *
 *     @Test
 *     void landedOrderIsInRawEvents() throws SQLException {
 *         try (Connection connection = database.dataSource().getConnection()) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p>Spark or a child process can reach it with {@link #jdbcUrl()}, {@link #user()} and {@link #password()}.
 */
public final class ScratchDatabase implements AutoCloseable {

    public static final String NAME_PREFIX = "forkcast_test_";

    private final String name;
    private final DatabaseSettings settings;
    private final DataSource dataSource;
    private final DataSource server;
    private final AtomicBoolean dropped = new AtomicBoolean();

    private ScratchDatabase(String name, DatabaseSettings settings, DataSource server) {
        this.name = name;
        this.settings = settings;
        this.dataSource = settings.dataSource();
        this.server = server;
    }

    /** A new database with every migration applied, on the server the environment names. */
    public static ScratchDatabase create() {
        return create(DatabaseSettings.fromEnvironment());
    }

    public static ScratchDatabase create(DatabaseSettings settings) {
        ScratchDatabase database = createEmpty(settings);
        try {
            Migrations.migrate(database.dataSource());
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** A new database with no migrations applied: for tests of the migrations themselves. */
    public static ScratchDatabase createEmpty() {
        return createEmpty(DatabaseSettings.fromEnvironment());
    }

    public static ScratchDatabase createEmpty(DatabaseSettings settings) {
        String name = NAME_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DataSource server;
        DatabaseSettings scratchSettings;
        if (settings.usesEmbeddedServer()) {
            EmbeddedPostgres testServer = EmbeddedPostgres.testServer();
            server = testServer.dataSource("postgres");
            scratchSettings = new DatabaseSettings(testServer.jdbcUrl(name), EmbeddedPostgres.SUPERUSER, "");
        } else {
            server = settings.dataSource();
            scratchSettings = settings.withDatabase(name);
        }
        Databases.create(server, name);
        return new ScratchDatabase(name, scratchSettings, server);
    }

    public String name() {
        return name;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String jdbcUrl() {
        return settings.jdbcUrl();
    }

    public String user() {
        return settings.user();
    }

    public String password() {
        return settings.password();
    }

    /** URL and credentials together, e.g. to open a {@link Warehouse} on this database. */
    public DatabaseSettings settings() {
        return settings;
    }

    /** Drops the database, closing any connection a test left open. Calling it twice is harmless. */
    @Override
    public void close() {
        if (dropped.compareAndSet(false, true)) {
            Databases.dropForcibly(server, name);
        }
    }
}
