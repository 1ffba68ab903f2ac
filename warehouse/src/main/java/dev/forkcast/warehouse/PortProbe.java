package dev.forkcast.warehouse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Asks a local port whether a PostgreSQL we can use already answers there, before we try to start one on it.
 */
final class PortProbe {

    enum Answer { NOTHING_LISTENS, POSTGRES_ANSWERS, SOMETHING_ELSE_ANSWERS }

    /** Loopback answers in microseconds; a longer silence means nothing useful is there. */
    private static final int TIMEOUT_SECONDS = 3;

    private final int port;
    private String lastError = "";

    PortProbe(int port) {
        this.port = port;
    }

    Answer ask() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_SECONDS * 1000);
        } catch (IOException refused) {
            return Answer.NOTHING_LISTENS;
        }
        try (Connection connection = dataSource().getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS) ? Answer.POSTGRES_ANSWERS : Answer.SOMETHING_ELSE_ANSWERS;
        } catch (SQLException e) {
            lastError = e.getMessage();
            return Answer.SOMETHING_ELSE_ANSWERS;
        }
    }

    /** Why the last {@link #ask()} did not count as PostgreSQL. */
    String lastError() {
        return lastError;
    }

    private PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName("postgres");
        dataSource.setUser(DatabaseSettings.DEFAULT_USER);
        // Bounded waits: a program that accepts the connection but never speaks PostgreSQL must not hang us.
        dataSource.setConnectTimeout(TIMEOUT_SECONDS);
        dataSource.setLoginTimeout(TIMEOUT_SECONDS);
        dataSource.setSocketTimeout(TIMEOUT_SECONDS);
        dataSource.setApplicationName(DatabaseSettings.APPLICATION_NAME);
        return dataSource;
    }
}
