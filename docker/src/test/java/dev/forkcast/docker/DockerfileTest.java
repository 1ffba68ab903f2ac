package dev.forkcast.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forkcast.docker.Dockerfile.Instruction;
import dev.forkcast.docker.Dockerfile.Stage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker/Dockerfile, checked without a Docker engine for the rules that matter here: built in stages with Maven
 * inside, base images pinned to releases, services that run as a non-root user, a HEALTHCHECK where a service
 * runs until stopped, no secret in the image, and commands the {@code forkcast} script knows. (A general linter,
 * dockerfile-utils, runs in .ci/run when npm is reachable.)
 */
class DockerfileTest {

    private static final Pattern RELEASE_TAG = Pattern.compile("[0-9][A-Za-z0-9._-]*");
    /** The variables that carry secrets: they come from the environment at run time, never from the image. */
    private static final List<String> SECRETS = List.of("FORKCAST_DB_PASSWORD", "FORKCAST_API_TOKEN", "FORKCAST_PII_KEY");

    private final Dockerfile dockerfile = StackFiles.dockerfile();
    private final JsonNode compose = StackFiles.compose();

    @Test
    void theImagesAreBuiltInStagesWithTheRepositorysMavenWrapper() {
        Stage build = dockerfile.stages().get(0);

        assertTrue(dockerfile.stages().size() >= 2, "a multi-stage build: the JDK and Maven stay out of the runtime");
        assertTrue(build.all("RUN").stream().anyMatch(i -> i.arguments().contains("./mvnw")
                        && i.arguments().contains("package") && i.arguments().contains("-Pcluster")),
                "the first stage builds with ./mvnw, the cluster jar included");
        for (Stage stage : dockerfile.stages().subList(1, dockerfile.stages().size())) {
            assertFalse(stage.all("RUN").stream().anyMatch(i -> i.arguments().contains("mvnw")),
                    stage.name() + ": only the build stage runs Maven");
        }
    }

    @Test
    void everyBaseImageIsAnEarlierStageOrPinnedToARelease() {
        for (Stage stage : dockerfile.stages()) {
            String base = stage.base();
            if (dockerfile.isStageName(base)) {
                continue;
            }
            int colon = base.lastIndexOf(':');
            assertTrue(colon > base.lastIndexOf('/'), stage.name() + ": FROM " + base + " has no tag (that means latest)");
            assertTrue(RELEASE_TAG.matcher(base.substring(colon + 1)).matches(),
                    stage.name() + ": FROM " + base + " is not pinned to a release");
        }
    }

    @Test
    void everyStageAServiceRunsDeclaresANonRootUser() {
        for (String target : composeTargets()) {
            Stage stage = dockerfile.stage(target).orElseThrow();

            String user = stage.last("USER").map(Instruction::arguments).orElse("");

            assertFalse(user.isEmpty(), target + ": say which user runs it (the base image's default may be root)");
            assertFalse(user.equals("root") || user.startsWith("0") || user.startsWith("root:"),
                    target + ": runs as root");
        }
    }

    @Test
    void longRunningTargetsHaveAHealthCheckAndOneShotTargetsSayTheyHaveNone() {
        for (var service : builtServices()) {
            String target = service.path("build").path("target").asText();
            Stage stage = dockerfile.stage(target).orElseThrow();
            boolean oneShot = service.path("restart").asText("no").equals("no");

            String healthcheck = stage.last("HEALTHCHECK").map(Instruction::arguments).orElse("");

            if (oneShot) {
                assertEquals("NONE", healthcheck.toUpperCase(), target + ": a one-shot job: HEALTHCHECK NONE");
            } else {
                assertTrue(healthcheck.contains("CMD"), target + ": runs until stopped: it needs a HEALTHCHECK CMD");
            }
        }
    }

    @Test
    void noSecretIsBakedIntoAnImage() {
        for (Stage stage : dockerfile.stages()) {
            for (Instruction instruction : stage.instructions()) {
                if (!List.of("ENV", "ARG", "LABEL").contains(instruction.keyword())) {
                    continue;
                }
                for (String secret : SECRETS) {
                    assertFalse(instruction.arguments().contains(secret), "line " + instruction.line() + ": "
                            + secret + " is a secret; it comes from the environment when the container runs");
                }
            }
        }
    }

    @Test
    void theJvmServicesRunCommandsTheForkcastScriptKnows() {
        Set<String> known = forkcastCommands();
        List<String> used = new ArrayList<>();
        for (JsonNode service : builtServices()) {
            Stage stage = dockerfile.stage(service.path("build").path("target").asText()).orElseThrow();
            boolean runsTheScript = dockerfile.effective(stage, "ENTRYPOINT")
                    .map(i -> i.arguments().contains("/opt/forkcast/forkcast")).orElse(false);
            if (!runsTheScript) {
                continue;
            }
            JsonNode command = service.path("command");
            used.add(command.isArray() ? command.get(0).asText()
                    : firstWordOfExecForm(dockerfile.effective(stage, "CMD").orElseThrow().arguments()));
        }

        assertFalse(used.isEmpty(), "no service runs the forkcast script: the test looks in the wrong place");
        for (String command : used) {
            assertTrue(known.contains(command), "'" + command + "' is not a command of ./forkcast " + known);
        }
    }

    @Test
    void everyFileCopiedFromTheRepositoryExists() {
        for (Stage stage : dockerfile.stages()) {
            for (Instruction copy : stage.all("COPY")) {
                if (copy.arguments().startsWith("--from=")) {
                    continue;
                }
                List<String> words = List.of(copy.arguments().split(" "));
                for (String source : words.subList(0, words.size() - 1)) {
                    if (!source.startsWith("--") && !source.equals(".")) {
                        assertTrue(Files.exists(StackFiles.root().resolve(source)), "COPY " + source + ": no such file");
                    }
                }
            }
        }
    }

    private List<JsonNode> builtServices() {
        List<JsonNode> built = new ArrayList<>();
        compose.path("services").forEach(s -> {
            if (s.has("build")) {
                built.add(s);
            }
        });
        return built;
    }

    private Set<String> composeTargets() {
        Set<String> targets = new LinkedHashSet<>();
        builtServices().forEach(s -> targets.add(s.path("build").path("target").asText()));
        assertFalse(targets.isEmpty(), "no service is built from the Dockerfile");
        return targets;
    }

    /** The commands of the forkcast script's dispatch: the patterns of its top-level {@code case}, e.g. "serve)". */
    static Set<String> forkcastCommands() {
        Set<String> commands = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^  ([a-z|-]+)\\)$").matcher(StackFiles.read("forkcast"));
        while (m.find()) {
            commands.addAll(List.of(m.group(1).split("\\|")));
        }
        return commands;
    }

    private static String firstWordOfExecForm(String execForm) {
        Matcher m = Pattern.compile("^\\[\\s*\"([^\"]+)\"").matcher(execForm);
        assertTrue(m.find(), "CMD " + execForm + ": use the exec form [\"command\", ...]");
        return m.group(1);
    }
}
