package dev.forkcast.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void databaseIsReplacedAfterHostAndPort() {
        String url = JdbcUrls.withDatabase("jdbc:postgresql://localhost:5432/postgres", "forkcast");

        assertEquals("jdbc:postgresql://localhost:5432/forkcast", url);
    }

    @Test
    void parametersSurviveTheChangeOfDatabase() {
        String url = JdbcUrls.withDatabase("jdbc:postgresql://db/postgres?sslmode=require&user=app", "forkcast");

        assertEquals("jdbc:postgresql://db/forkcast?sslmode=require&user=app", url);
    }

    @Test
    void everyHostOfAFailoverUrlIsKept() {
        String url = JdbcUrls.withDatabase("jdbc:postgresql://primary:5432,replica:5433/postgres", "forkcast");

        assertEquals("jdbc:postgresql://primary:5432,replica:5433/forkcast", url);
    }

    @Test
    void urlWithoutDatabaseGetsOne() {
        String url = JdbcUrls.withDatabase("jdbc:postgresql://db:5432?ssl=true", "forkcast");

        assertEquals("jdbc:postgresql://db:5432/forkcast?ssl=true", url);
    }

    @Test
    void shortFormWithoutHostChangesItsDatabase() {
        String url = JdbcUrls.withDatabase("jdbc:postgresql:postgres", "forkcast");

        assertEquals("jdbc:postgresql:forkcast", url);
    }

    @Test
    void ipv6HostIsKept() {
        String url = JdbcUrls.withDatabase("jdbc:postgresql://[::1]:5432/postgres", "forkcast");

        assertEquals("jdbc:postgresql://[::1]:5432/forkcast", url);
    }

    @Test
    void otherDatabasesUrlsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> JdbcUrls.withDatabase("jdbc:mysql://db/shop", "forkcast"));
    }

    @Test
    void passwordParameterIsRedactedWhateverItsCase() {
        String url = JdbcUrls.redactPassword("jdbc:postgresql://db/forkcast?PASSWORD=hunter2&user=app");

        assertEquals("jdbc:postgresql://db/forkcast?PASSWORD=***&user=app", url);
    }

    @Test
    void passwordInUserInfoIsRedacted() {
        String url = JdbcUrls.redactPassword("postgres://app:hunter2@db/forkcast");

        assertEquals("postgres://app:***@db/forkcast", url);
    }

    @Test
    void urlWithoutPasswordIsUnchanged() {
        String url = JdbcUrls.redactPassword("jdbc:postgresql://[::1]:5432/forkcast?user=app");

        assertEquals("jdbc:postgresql://[::1]:5432/forkcast?user=app", url);
    }
}
