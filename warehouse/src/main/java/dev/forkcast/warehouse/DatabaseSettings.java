package dev.forkcast.warehouse;

import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the warehouse lives, read from environment variables that every Forkcast process shares.
 *
 * <ul>
 *   <li>{@code FORKCAST_DB_URL}: a JDBC URL such as {@code jdbc:postgresql://localhost:5432/forkcast}.
 *       Unset (or blank) means "start the embedded PostgreSQL".</li>
 *   <li>{@code FORKCAST_DB_USER} (default {@code postgres}) and {@code FORKCAST_DB_PASSWORD} (default: none):
 *       the credentials for that URL. The embedded server ignores them: it trusts its own superuser
 *       {@code postgres} on the loopback interface.</li>
 * </ul>
 *
 * <p>{@code jdbcUrl} is {@code null} for the embedded server. {@link #toString()} and {@link #describe()} never
 * show the password, so settings can be printed or logged.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password) {

    public static final String URL_VARIABLE = "FORKCAST_DB_URL";
    public static final String USER_VARIABLE = "FORKCAST_DB_USER";
    public static final String PASSWORD_VARIABLE = "FORKCAST_DB_PASSWORD";

    /** The superuser that initdb creates; the conventional administrator name on any PostgreSQL. */
    public static final String DEFAULT_USER = "postgres";

    /** Names this process in {@code pg_stat_activity}, so {@code SELECT * FROM pg_stat_activity} shows who is connected. */
    static final String APPLICATION_NAME = "forkcast";

    public DatabaseSettings {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (jdbcUrl != null && jdbcUrl.isBlank()) {
            jdbcUrl = null;
        }
        if (jdbcUrl != null && Driver.parseURL(jdbcUrl, null) == null) {
            throw new IllegalArgumentException(URL_VARIABLE + " must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://localhost:5432/forkcast, but it is " + JdbcUrls.redactPassword(jdbcUrl));
        }
    }

    /** Settings for the embedded server: no URL, its superuser, no password. */
    public static DatabaseSettings embedded() {
        return new DatabaseSettings(null, DEFAULT_USER, "");
    }

    public static DatabaseSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Reads the settings from the given variables (tests pass a map; processes pass {@code System.getenv()}). */
    public static DatabaseSettings fromEnvironment(Map<String, String> environment) {
        String url = environment.get(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return embedded();
        }
        return new DatabaseSettings(
                url.strip(),
                valueOrDefault(environment, USER_VARIABLE, DEFAULT_USER),
                valueOrDefault(environment, PASSWORD_VARIABLE, ""));
    }

    /**
     * These settings as the variables {@link #fromEnvironment(Map)} reads, for a child process to find the same
     * database; the embedded server has no URL to pass.
     */
    public Map<String, String> toEnvironment() {
        if (usesEmbeddedServer()) {
            throw new IllegalStateException("the embedded server has no URL a child process could use");
        }
        return Map.of(URL_VARIABLE, jdbcUrl, USER_VARIABLE, user, PASSWORD_VARIABLE, password);
    }

    public boolean usesEmbeddedServer() {
        return jdbcUrl == null;
    }

    /** One line saying where we connect, never including the password. */
    public String describe() {
        if (usesEmbeddedServer()) {
            return "embedded PostgreSQL (" + URL_VARIABLE + " is unset) as user " + user;
        }
        String passwordNote = password.isEmpty() ? "no password" : "password set";
        return "PostgreSQL at " + JdbcUrls.redactPassword(jdbcUrl) + " as user " + user + " (" + passwordNote + ")";
    }

    /** The same server and credentials, but another database on it (for example a scratch database). */
    public DatabaseSettings withDatabase(String database) {
        requireUrl();
        return new DatabaseSettings(JdbcUrls.withDatabase(jdbcUrl, database), user, password);
    }

    /**
     * A {@link DataSource} that opens a new connection on every {@code getConnection()}: no pool, so a closed
     * connection is really gone (which lets a test database be dropped right after).
     */
    public DataSource dataSource() {
        requireUrl();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(user);
        if (!password.isEmpty()) {
            dataSource.setPassword(password);
        }
        dataSource.setApplicationName(APPLICATION_NAME);
        return dataSource;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + "]";
    }

    private void requireUrl() {
        if (usesEmbeddedServer()) {
            throw new IllegalStateException("These settings name the embedded server, which has no URL until it runs: "
                    + "use Warehouse.open() or ScratchDatabase.create() instead");
        }
    }

    private static String valueOrDefault(Map<String, String> environment, String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
