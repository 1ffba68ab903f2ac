package dev.forkcast.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local persistent server, on a temp home and a free port so a running demo on 54329 is never touched.
 */
// Whoever sets FORKCAST_DB_URL has chosen an external server, usually because the embedded one cannot start there.
@DisabledIfEnvironmentVariable(named = "FORKCAST_DB_URL", matches = ".+")
class EmbeddedPostgresIT {

    @TempDir
    Path home;

    @Test
    void localServerRunsPostgres15WithItsDataUnderTheHome() {
        int port = freePort();

        try (EmbeddedPostgres server = EmbeddedPostgres.localServer(home, port)) {

            assertTrue(server.startedHere());
            assertEquals("15.18", server.version());
            assertEquals(home.resolve(".forkcast/pgdata"), server.dataDirectory());
        }
    }

    @Test
    void secondLocalServerReusesTheRunningOne() {
        int port = freePort();
        try (EmbeddedPostgres first = EmbeddedPostgres.localServer(home, port)) {

            EmbeddedPostgres second = EmbeddedPostgres.localServer(home, port);

            assertFalse(second.startedHere());
            assertEquals(port, second.port());
            assertEquals(first.dataDirectory(), second.dataDirectory());
        }
    }

    @Test
    void closingAReusedServerLeavesItRunning() {
        int port = freePort();
        try (EmbeddedPostgres first = EmbeddedPostgres.localServer(home, port)) {
            EmbeddedPostgres second = EmbeddedPostgres.localServer(home, port);

            second.close();

            assertEquals("15.18", first.version());
        }
    }

    @Test
    void dataSurvivesAStopAndAStart() throws SQLException {
        int port = freePort();
        try (EmbeddedPostgres server = EmbeddedPostgres.localServer(home, port)) {
            Sql.execute(server.dataSource("postgres"), "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
        }

        try (EmbeddedPostgres restarted = EmbeddedPostgres.localServer(home, port)) {

            assertTrue(restarted.startedHere());
            assertEquals("still here", Sql.queryString(restarted.dataSource("postgres"), "SELECT note FROM kept"));
        }
    }

    @Test
    void portHeldByAnotherProgramFailsWithAClearMessage() throws IOException {
        try (ServerSocket notPostgres = new ServerSocket(0)) {

            EmbeddedPostgresException error = assertThrows(EmbeddedPostgresException.class,
                    () -> EmbeddedPostgres.localServer(home, notPostgres.getLocalPort()));

            assertTrue(error.getMessage().startsWith("Port " + notPostgres.getLocalPort()
                    + " is in use, but what listens there is not a PostgreSQL that Forkcast can use"), error.getMessage());
        }
    }

    @Test
    void testServerIsStartedOncePerJvmEvenWhenAskedConcurrently() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        Callable<EmbeddedPostgres> ask = EmbeddedPostgres::testServer;

        List<Future<EmbeddedPostgres>> answers = threads.invokeAll(List.of(ask, ask, ask, ask));
        threads.shutdown();

        for (Future<EmbeddedPostgres> answer : answers) {
            assertSame(answers.get(0).get(), answer.get());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
