package dev.forkcast.warehouse;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL could not be started or reached. The message says what happened and what to do.
 */
public final class EmbeddedPostgresException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What initdb prints when it runs as root, which happens when user namespaces ({@code unshare -U}) are blocked. */
    static final String ROOT_REFUSAL = "cannot be run as root";

    EmbeddedPostgresException(String message, Throwable cause) {
        super(message, cause);
    }

    static EmbeddedPostgresException couldNotStart(int port, Path dataDirectory, Path logFile, String serverOutput,
                                                   Throwable cause) {
        return new EmbeddedPostgresException(explainStartFailure(port, dataDirectory, logFile, serverOutput, cause), cause);
    }

    static EmbeddedPostgresException portTakenByAnotherProgram(int port, String answer) {
        return new EmbeddedPostgresException("Port " + port + " is in use, but what listens there is not a PostgreSQL "
                + "that Forkcast can use (" + answer + ").\nWhat to do: stop that program, or set "
                + DatabaseSettings.URL_VARIABLE + " to an existing PostgreSQL 15.", null);
    }

    /** Builds the message: what happened, the server's own last words, and the way out. Pure, so it is unit-tested. */
    static String explainStartFailure(int port, Path dataDirectory, Path logFile, String serverOutput, Throwable cause) {
        String whatHappened = serverOutput.contains(ROOT_REFUSAL)
                ? "PostgreSQL refuses to run as root, and this machine blocks user namespaces (unshare -U), "
                        + "so the embedded server cannot drop root privileges."
                : String.valueOf(cause);
        StringBuilder message = new StringBuilder()
                .append("Could not start the embedded PostgreSQL on port ").append(port)
                .append(" with data in ").append(dataDirectory).append(".\n")
                .append("What happened: ").append(whatHappened).append('\n');
        if (!serverOutput.isBlank()) {
            message.append("Server output (full log: ").append(logFile).append("):\n");
            serverOutput.lines().forEach(line -> message.append("  ").append(line).append('\n'));
        }
        return message
                .append("What to do: run as a non-root user, or point Forkcast at an existing PostgreSQL 15, e.g. on Debian\n")
                .append("  pg_ctlcluster 15 main start\n")
                .append("  export ").append(DatabaseSettings.URL_VARIABLE).append("=jdbc:postgresql://localhost:5432/postgres ")
                .append(DatabaseSettings.USER_VARIABLE).append("=... ")
                .append(DatabaseSettings.PASSWORD_VARIABLE).append("=...")
                .toString();
    }
}
