package dev.forkcast.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The root of the Forkcast checkout, where local state such as {@code .forkcast/pgdata} lives.
 *
 * <p>It is {@code FORKCAST_HOME} when set, otherwise the nearest directory, starting from the working directory
 * and going up, that holds {@code mvnw}. So {@code ./forkcast simulate} at the root and a test running in a
 * module directory find the same place.
 */
public final class ForkcastHome {

    public static final String HOME_VARIABLE = "FORKCAST_HOME";

    /** A file only the repository root has. */
    static final String ROOT_MARKER = "mvnw";

    private ForkcastHome() {
    }

    public static Path locate() {
        return locate(System.getenv(), Path.of(""));
    }

    public static Path locate(Map<String, String> environment, Path workingDirectory) {
        String explicit = environment.get(HOME_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        Path start = workingDirectory.toAbsolutePath().normalize();
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve(ROOT_MARKER))) {
                return directory;
            }
        }
        throw new IllegalStateException("Cannot find the Forkcast repository root: neither " + start
                + " nor any parent holds " + ROOT_MARKER + ". Run from inside the repository, set " + HOME_VARIABLE
                + " to it, or set " + DatabaseSettings.URL_VARIABLE + " to use an existing PostgreSQL.");
    }
}
