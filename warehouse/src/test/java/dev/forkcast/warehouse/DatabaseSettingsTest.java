package dev.forkcast.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    private static final String SECRET = "s3cret-Pa55";

    @Test
    void unsetUrlMeansTheEmbeddedServer() {
        Map<String, String> environment = Map.of();

        DatabaseSettings settings = DatabaseSettings.fromEnvironment(environment);

        assertEquals(new DatabaseSettings(null, "postgres", ""), settings);
        assertTrue(settings.usesEmbeddedServer());
    }

    @Test
    void blankUrlCountsAsUnset() {
        Map<String, String> environment = Map.of("FORKCAST_DB_URL", "  ");

        DatabaseSettings settings = DatabaseSettings.fromEnvironment(environment);

        assertTrue(settings.usesEmbeddedServer());
    }

    @Test
    void embeddedServerIgnoresUserAndPassword() {
        Map<String, String> environment = Map.of("FORKCAST_DB_USER", "alice", "FORKCAST_DB_PASSWORD", SECRET);

        DatabaseSettings settings = DatabaseSettings.fromEnvironment(environment);

        assertEquals(new DatabaseSettings(null, "postgres", ""), settings);
    }

    @Test
    void externalUrlComesWithItsUserAndPassword() {
        Map<String, String> environment = Map.of(
                "FORKCAST_DB_URL", "jdbc:postgresql://db.internal:5432/forkcast",
                "FORKCAST_DB_USER", "forkcast_app",
                "FORKCAST_DB_PASSWORD", SECRET);

        DatabaseSettings settings = DatabaseSettings.fromEnvironment(environment);

        assertEquals(new DatabaseSettings("jdbc:postgresql://db.internal:5432/forkcast", "forkcast_app", SECRET), settings);
        assertFalse(settings.usesEmbeddedServer());
    }

    @Test
    void externalUrlAloneDefaultsToUserPostgresWithoutPassword() {
        Map<String, String> environment = Map.of("FORKCAST_DB_URL", "jdbc:postgresql://localhost:5432/postgres");

        DatabaseSettings settings = DatabaseSettings.fromEnvironment(environment);

        assertEquals("postgres", settings.user());
        assertEquals("", settings.password());
    }

    @Test
    void describeSaysWhereAndAsWhomWithoutThePassword() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db.internal/forkcast", "forkcast_app", SECRET);

        String description = settings.describe();

        assertEquals("PostgreSQL at jdbc:postgresql://db.internal/forkcast as user forkcast_app (password set)", description);
    }

    @Test
    void describeHidesAPasswordWrittenIntoTheUrl() {
        DatabaseSettings settings = new DatabaseSettings(
                "jdbc:postgresql://db.internal/forkcast?user=app&password=" + SECRET + "&ssl=true", "app", "");

        String description = settings.describe();

        assertEquals("PostgreSQL at jdbc:postgresql://db.internal/forkcast?user=app&password=***&ssl=true"
                + " as user app (no password)", description);
    }

    @Test
    void describeOfTheEmbeddedServerSaysWhy() {
        DatabaseSettings settings = DatabaseSettings.embedded();

        String description = settings.describe();

        assertEquals("embedded PostgreSQL (FORKCAST_DB_URL is unset) as user postgres", description);
    }

    @Test
    void toStringNeverShowsThePassword() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db.internal/forkcast", "app", SECRET);

        String printed = settings.toString();

        assertFalse(printed.contains(SECRET), printed);
    }

    @Test
    void libpqStyleUrlIsRejectedWithoutEchoingItsPassword() {
        Map<String, String> environment = Map.of("FORKCAST_DB_URL", "postgresql://app:" + SECRET + "@db.internal/forkcast");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DatabaseSettings.fromEnvironment(environment));

        assertEquals("FORKCAST_DB_URL must be a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/forkcast,"
                + " but it is postgresql://app:***@db.internal/forkcast", error.getMessage());
    }

    @Test
    void withDatabasePointsAtAnotherDatabaseOnTheSameServer() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db.internal:6432/forkcast?ssl=true", "app", SECRET);

        DatabaseSettings scratch = settings.withDatabase("forkcast_test_1");

        assertEquals(new DatabaseSettings("jdbc:postgresql://db.internal:6432/forkcast_test_1?ssl=true", "app", SECRET),
                scratch);
    }

    @Test
    void embeddedSettingsHaveNoDataSourceBeforeTheServerRuns() {
        DatabaseSettings settings = DatabaseSettings.embedded();

        assertThrows(IllegalStateException.class, settings::dataSource);
    }

    @Test
    void aChildProcessGivenTheseVariablesReadsTheSameSettings() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db.internal:6432/forkcast", "app", SECRET);

        DatabaseSettings child = DatabaseSettings.fromEnvironment(settings.toEnvironment());

        assertEquals(settings, child);
    }
}
