package dev.forkcast.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Creating and dropping whole databases, done from a connection to another database on the same server.
 */
final class Databases {

    /** Our own names only: lower case, digits, underscores. Nothing that needs escaping. */
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** SQLSTATE duplicate_database: someone created it between our check and our CREATE. */
    private static final String DUPLICATE_DATABASE = "42P04";

    private Databases() {
    }

    static boolean exists(DataSource server, String name) {
        try (Connection connection = server.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up database " + name, e);
        }
    }

    static void create(DataSource server, String name) {
        execute(server, "CREATE DATABASE " + quoted(name), "create database " + name);
    }

    /** Creates the database unless it exists; safe when two processes try at once. */
    static void createIfMissing(DataSource server, String name) {
        if (exists(server, name)) {
            return;
        }
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + quoted(name));
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not create database " + name, e);
            }
        }
    }

    /** Drops the database; FORCE (PostgreSQL 13+) first terminates connections still open on it. */
    static void dropForcibly(DataSource server, String name) {
        execute(server, "DROP DATABASE IF EXISTS " + quoted(name) + " WITH (FORCE)", "drop database " + name);
    }

    /** The server's version number, e.g. {@code 15.18} (without a distribution suffix such as "(Debian ...)"). */
    static String serverVersion(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1).split(" ")[0];
        } catch (SQLException e) {
            throw new IllegalStateException("Could not ask the server for its version", e);
        }
    }

    static String quoted(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a safe database name: " + name);
        }
        return '"' + name + '"';
    }

    private static void execute(DataSource server, String sql, String purpose) {
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not " + purpose, e);
        }
    }
}
