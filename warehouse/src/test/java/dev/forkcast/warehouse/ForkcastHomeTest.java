package dev.forkcast.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkcastHomeTest {

    @TempDir
    Path temp;

    @Test
    void nearestDirectoryWithMvnwIsTheHome() throws IOException {
        Path repository = Files.createDirectories(temp.resolve("forkcast"));
        Files.createFile(repository.resolve("mvnw"));
        Path module = Files.createDirectories(repository.resolve("warehouse/src"));

        Path home = ForkcastHome.locate(Map.of(), module);

        assertEquals(repository, home);
    }

    @Test
    void workingDirectoryItselfCanBeTheHome() throws IOException {
        Files.createFile(temp.resolve("mvnw"));

        Path home = ForkcastHome.locate(Map.of(), temp);

        assertEquals(temp, home);
    }

    @Test
    void forkcastHomeVariableWins() throws IOException {
        Files.createFile(temp.resolve("mvnw"));
        Path elsewhere = temp.resolve("elsewhere");

        Path home = ForkcastHome.locate(Map.of("FORKCAST_HOME", elsewhere.toString()), temp);

        assertEquals(elsewhere, home);
    }

    @Test
    void noRepositoryAboveFailsWithAHint() {
        Path outside = temp.resolve("not-a-checkout");

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ForkcastHome.locate(Map.of(), outside));

        assertTrue(error.getMessage().contains("set FORKCAST_HOME"), error.getMessage());
    }
}
