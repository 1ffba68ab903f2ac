package dev.forkcast.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

    @TempDir
    Path home;

    @Test
    void takenPortIsNamedWithWhoWouldUseItAndHowToChooseAnother() throws IOException {
        try (ServerSocket someoneElse = new ServerSocket()) {
            someoneElse.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = someoneElse.getLocalPort();

            List<String> problems = new Preflight().portFree(port, "the demo's API", "use --port 8081").problems();

            assertEquals(1, problems.size());
            assertTrue(problems.get(0).startsWith("port " + port + " (the demo's API) is in use"), problems.get(0));
            assertTrue(problems.get(0).endsWith("use --port 8081"), problems.get(0));
        }
    }

    @Test
    void freePortIsNoProblem() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }

        assertTrue(new Preflight().portFree(port, "x", "y").problems().isEmpty());
    }

    @Test
    void unbuiltModuleSaysToBuild() throws IOException {
        Files.createDirectories(home.resolve("api").resolve("target").resolve("classes"));

        List<String> problems = new Preflight().moduleBuilt(home, "api").problems();

        assertEquals(List.of("the api module is not built (api/target/classpath.txt is missing): run ./forkcast build"),
                problems);
    }

    @Test
    void builtModuleIsNoProblem() throws IOException {
        Files.createDirectories(home.resolve("api").resolve("target").resolve("classes"));
        Files.writeString(home.resolve("api").resolve("target").resolve("classpath.txt"), "/x.jar");

        assertTrue(new Preflight().moduleBuilt(home, "api").problems().isEmpty());
    }

    @Test
    void tooLittleDiskSaysHowMuchIsFreeAndNeeded() {
        List<String> problems = new Preflight().diskSpace(home.resolve("not-yet").resolve("created"), Long.MAX_VALUE)
                .problems();

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("only "), problems.get(0));
        assertTrue(problems.get(0).contains("MB free on the disk of " + home), problems.get(0));
    }

    @Test
    void everyProblemIsListedInOneFailure() throws IOException {
        Preflight check = new Preflight().moduleBuilt(home, "api").moduleBuilt(home, "pipeline");

        Preflight.PreflightException failure = assertThrows(Preflight.PreflightException.class,
                check::requireNothingMissing);

        assertTrue(failure.getMessage().startsWith("the demo cannot start:\n  - the api module"), failure.getMessage());
        assertTrue(failure.getMessage().contains("\n  - the pipeline module"), failure.getMessage());
        assertFalse(failure.getMessage().contains("port"));
    }
}
