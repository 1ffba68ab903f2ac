package dev.forkcast.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

class WarehouseIT {

    @TempDir
    Path home;

    @Test
    void externalUrlOpensThatDatabaseAlreadyMigrated() {
        try (ScratchDatabase database = ScratchDatabase.createEmpty()) {

            try (Warehouse warehouse = Warehouse.open(database.settings())) {

                assertEquals(0, Migrations.migrate(warehouse.dataSource()));
                assertEquals(database.settings(), warehouse.settings());
            }
        }
    }

    @Test
    void externalDescriptionNamesVersionUrlAndUser() {
        try (ScratchDatabase database = ScratchDatabase.createEmpty();
             Warehouse warehouse = Warehouse.open(database.settings())) {

            String description = warehouse.description();

            assertEquals("PostgreSQL " + Databases.serverVersion(database.dataSource()) + " at " + database.jdbcUrl()
                    + " as user " + database.user(), description);
        }
    }

    @Test
    void unreachableDatabaseFailsNamingItWithoutThePassword() {
        try (ScratchDatabase database = ScratchDatabase.createEmpty()) {
            String missingUrl = database.settings().withDatabase("forkcast_no_such_db").jdbcUrl();
            DatabaseSettings missing = new DatabaseSettings(missingUrl, database.user(), "s3cret-Pa55");

            IllegalStateException error = assertThrows(IllegalStateException.class, () -> Warehouse.open(missing));

            assertTrue(error.getMessage().startsWith("Could not connect to PostgreSQL at " + missingUrl), error.getMessage());
            assertFalse(error.getMessage().contains("s3cret-Pa55"), error.getMessage());
        }
    }

    @Test
    @DisabledIfEnvironmentVariable(named = "FORKCAST_DB_URL", matches = ".+")
    void embeddedWarehouseIsTheForkcastDatabaseMigrated() {
        int port = freePort();

        try (Warehouse warehouse = Warehouse.openEmbedded(EmbeddedPostgres.localServer(home, port))) {

            assertEquals("embedded PostgreSQL 15.18 at localhost:" + port + "/forkcast (data in "
                    + home.resolve(".forkcast/pgdata") + ")", warehouse.description());
            assertEquals("jdbc:postgresql://localhost:" + port + "/forkcast", warehouse.settings().jdbcUrl());
            assertEquals(0, Migrations.migrate(warehouse.dataSource()));
        }
    }

    @Test
    @DisabledIfEnvironmentVariable(named = "FORKCAST_DB_URL", matches = ".+")
    void closingTheWarehouseStopsTheServerItStarted() {
        int port = freePort();
        Warehouse warehouse = Warehouse.openEmbedded(EmbeddedPostgres.localServer(home, port));

        warehouse.close();

        assertEquals(PortProbe.Answer.NOTHING_LISTENS, new PortProbe(port).ask());
        assertTrue(home.resolve(".forkcast/pgdata/PG_VERSION").toFile().isFile(), "the data stays on disk");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
