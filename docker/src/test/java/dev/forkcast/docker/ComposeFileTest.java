package dev.forkcast.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, checked without a Docker engine: valid against the Compose specification's JSON schema,
 * and true to the stack's rules: every service either answers a health check or is a one-shot job, each waits
 * for what it needs in the right way, and every image it pulls is pinned.
 *
 * <p>The schema ({@code compose-spec.schema.json} in the test resources) is the Compose specification's, as
 * shipped by the npm package dclint 3.1.0 ({@code schemas/compose.schema.json}); docker/README.md says how to
 * refresh it.
 */
class ComposeFileTest {

    /** A tag that names a release: starts with a digit (4.4.0, 15.18, 4.2.0-scala2.13-java17-ubuntu). */
    private static final Pattern RELEASE_TAG = Pattern.compile("[0-9][A-Za-z0-9._-]*");

    private final JsonNode compose = StackFiles.compose();
    private final Dockerfile dockerfile = StackFiles.dockerfile();

    @Test
    void composeFileIsValidAgainstTheComposeSpecification() {
        Schema schema = composeSchema();

        var errors = schema.validate(compose);

        assertEquals(List.of(), errors.stream().map(Object::toString).toList());
    }

    @Test
    void theSchemaRejectsAMisspelledKey() {
        JsonNode misspelled = StackFiles.yaml("""
                services:
                  api:
                    image: forkcast/api:1
                    healtcheck:
                      test: ["CMD", "true"]
                """);

        var errors = composeSchema().validate(misspelled);

        assertFalse(errors.isEmpty(), "a schema that accepts 'healtcheck' checks nothing");
    }

    @Test
    void everyDependencyIsAServiceOfThisFileAndSaysWhatToWaitFor() {
        for (var service : services().entrySet()) {
            for (var dependency : dependencies(service.getValue()).entrySet()) {
                assertTrue(compose.path("services").has(dependency.getKey()),
                        service.getKey() + " depends on " + dependency.getKey() + ", which is not a service here");
                assertTrue(List.of("service_healthy", "service_completed_successfully").contains(dependency.getValue()),
                        service.getKey() + " -> " + dependency.getKey() + ": wait for healthy or completed, not '"
                                + dependency.getValue() + "' (started is not ready)");
            }
        }
    }

    @Test
    void servicesStartInTheOrderTheDataFlows() {
        Map<String, Map<String, String>> expected = new TreeMap<>(Map.of(
                "spark-worker", new TreeMap<>(Map.of("spark-master", "service_healthy")),
                "ingest", new TreeMap<>(Map.of("postgres", "service_healthy", "kafka", "service_healthy")),
                "etl", new TreeMap<>(Map.of("postgres", "service_healthy", "ingest", "service_completed_successfully",
                        "spark-worker", "service_healthy")),
                "trainer", new TreeMap<>(Map.of("etl", "service_healthy")),
                "api", new TreeMap<>(Map.of("postgres", "service_healthy",
                        "trainer", "service_completed_successfully"))));
        Map<String, Map<String, String>> actual = new TreeMap<>();

        for (var service : services().entrySet()) {
            Map<String, String> waitsFor = dependencies(service.getValue());
            if (!waitsFor.isEmpty()) {
                actual.put(service.getKey(), new TreeMap<>(waitsFor));
            }
        }

        assertEquals(expected.toString(), actual.toString());
    }

    @Test
    void everyServiceAnswersAHealthCheckOrIsAOneShotJob() {
        for (var service : services().entrySet()) {
            String name = service.getKey();
            if (isOneShot(service.getValue())) {
                assertFalse(hasHealthCheck(service.getValue()), name + " is a one-shot job: a health check would"
                        + " report a finished job as unhealthy");
            } else {
                assertTrue(hasHealthCheck(service.getValue()), name + " runs until stopped, so it needs a health"
                        + " check (in docker-compose.yml, or a HEALTHCHECK in its Dockerfile target)");
            }
        }
    }

    @Test
    void aServiceWaitedForAsHealthyHasAHealthCheckAndOneWaitedForAsCompletedIsAOneShot() {
        for (var service : services().entrySet()) {
            for (var dependency : dependencies(service.getValue()).entrySet()) {
                JsonNode target = compose.path("services").path(dependency.getKey());
                String edge = service.getKey() + " -> " + dependency.getKey();
                if (dependency.getValue().equals("service_healthy")) {
                    assertTrue(hasHealthCheck(target), edge + ": waits for healthy, but it has no health check");
                } else {
                    assertTrue(isOneShot(target), edge + ": waits for completion, but it restarts (never completes)");
                }
            }
        }
    }

    @Test
    void everyPulledImageIsPinnedToARelease() {
        for (var service : services().entrySet()) {
            if (!service.getValue().has("image")) {
                continue;
            }
            String image = service.getValue().get("image").asText();
            String lastPart = image.substring(image.lastIndexOf('/') + 1);
            int colon = lastPart.indexOf(':');
            assertTrue(colon > 0, service.getKey() + ": " + image + " has no tag (that means latest)");
            String tag = lastPart.substring(colon + 1);
            assertTrue(RELEASE_TAG.matcher(tag).matches(), service.getKey() + ": " + image + " is not pinned to a release");
        }
    }

    @Test
    void forkcastServicesAreBuiltFromATargetOfTheDockerfileAndReadTheSettingsFile() {
        for (var service : services().entrySet()) {
            JsonNode build = service.getValue().path("build");
            if (build.isMissingNode()) {
                continue;
            }
            String name = service.getKey();
            assertFalse(service.getValue().has("image"), name + ": built here, so no image: to pull by mistake");
            assertEquals(".", build.path("context").asText(), name + ": the build context is the repository root");
            assertEquals(StackFiles.DOCKERFILE, build.path("dockerfile").asText(), name);
            String target = build.path("target").asText();
            assertTrue(dockerfile.stage(target).isPresent(), name + ": no stage '" + target + "' in the Dockerfile");
            assertEquals(StackFiles.SETTINGS_FILE, service.getValue().path("env_file").asText(), name);
        }
    }

    /**
     * The Compose schema, loaded from its location on the class path: its {@code $id} ("compose_spec.json") is
     * relative and needs a location to resolve against.
     */
    static Schema composeSchema() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of("classpath:compose-spec.schema.json"));
    }

    private Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new TreeMap<>();
        compose.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
        if (services.isEmpty()) {
            fail("no services in " + StackFiles.COMPOSE_FILE);
        }
        return services;
    }

    /** depends_on as dependency -> condition (the short list form means service_started). */
    private static Map<String, String> dependencies(JsonNode service) {
        Map<String, String> dependencies = new TreeMap<>();
        JsonNode dependsOn = service.path("depends_on");
        if (dependsOn.isArray()) {
            dependsOn.forEach(d -> dependencies.put(d.asText(), "service_started"));
        } else {
            dependsOn.fields().forEachRemaining(e ->
                    dependencies.put(e.getKey(), e.getValue().path("condition").asText("service_started")));
        }
        return dependencies;
    }

    /** A job that runs once: Compose must not restart it, so it can complete. */
    private static boolean isOneShot(JsonNode service) {
        return service.path("restart").asText("no").equals("no");
    }

    /** A health check in the compose file, or else a HEALTHCHECK CMD in effect for the service's build target. */
    private boolean hasHealthCheck(JsonNode service) {
        JsonNode healthcheck = service.path("healthcheck");
        if (!healthcheck.isMissingNode()) {
            return !healthcheck.path("disable").asBoolean(false);
        }
        String target = service.path("build").path("target").asText(null);
        if (target == null) {
            return false;
        }
        List<String> found = new ArrayList<>();
        dockerfile.stage(target).flatMap(stage -> dockerfile.effective(stage, "HEALTHCHECK"))
                .ifPresent(i -> found.add(i.arguments()));
        return !found.isEmpty() && !found.get(0).equalsIgnoreCase("NONE");
    }
}
