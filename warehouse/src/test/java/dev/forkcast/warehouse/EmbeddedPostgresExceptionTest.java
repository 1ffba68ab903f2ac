package dev.forkcast.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresExceptionTest {

    private static final Path DATA = Path.of("/repo/.forkcast/pgdata");
    private static final Path LOG = Path.of("/repo/.forkcast/postgres.log");

    @Test
    void rootRefusalExplainsUserNamespacesAndTheWayOut() {
        String serverOutput = "initdb: error: cannot be run as root\n"
                + "initdb: hint: Please log in (using, e.g., \"su\") as the (unprivileged) user that will own the server process.";

        String message = EmbeddedPostgresException.explainStartFailure(54329, DATA, LOG, serverOutput,
                new IllegalStateException("Process [initdb, ...] failed"));

        assertEquals("""
                Could not start the embedded PostgreSQL on port 54329 with data in /repo/.forkcast/pgdata.
                What happened: PostgreSQL refuses to run as root, and this machine blocks user namespaces \
                (unshare -U), so the embedded server cannot drop root privileges.
                Server output (full log: /repo/.forkcast/postgres.log):
                  initdb: error: cannot be run as root
                  initdb: hint: Please log in (using, e.g., "su") as the (unprivileged) user that will own the server process.
                What to do: run as a non-root user, or point Forkcast at an existing PostgreSQL 15, e.g. on Debian
                  pg_ctlcluster 15 main start
                  export FORKCAST_DB_URL=jdbc:postgresql://localhost:5432/postgres FORKCAST_DB_USER=... \
                FORKCAST_DB_PASSWORD=...""", message);
    }

    @Test
    void otherFailuresNameTheCauseWhenTheServerSaidNothing() {
        String message = EmbeddedPostgresException.explainStartFailure(54329, DATA, LOG, "",
                new IOException("Gave up waiting for server to start after 90000ms"));

        assertEquals("What happened: java.io.IOException: Gave up waiting for server to start after 90000ms",
                message.lines().skip(1).findFirst().orElseThrow());
    }
}
