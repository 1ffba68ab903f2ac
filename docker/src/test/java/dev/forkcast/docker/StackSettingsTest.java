package dev.forkcast.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The stack's settings cannot drift: from each other (the database the postgres image creates is the one the
 * services connect to), from the code (every FORKCAST_* setting is one Forkcast documents and reads; the images
 * are the versions the poms build and test with), and from one place (docker/forkcast.env holds the settings;
 * the compose file only passes secrets through from the shell).
 */
class StackSettingsTest {

    /** Secrets: passed from the shell by docker-compose.yml, never written in the settings file. */
    private static final Set<String> SECRETS = Set.of("FORKCAST_API_TOKEN", "FORKCAST_PII_KEY");

    private final Map<String, String> settings = StackFiles.settings();
    private final JsonNode compose = StackFiles.compose();

    @Test
    void postgresCreatesTheDatabaseAndUserTheServicesConnectWith() {
        URI url = URI.create(settings.get("FORKCAST_DB_URL").substring("jdbc:".length()));

        assertEquals("postgres", url.getHost(), "the compose service's name");
        assertEquals("/" + settings.get("POSTGRES_DB"), url.getPath());
        assertEquals(settings.get("POSTGRES_USER"), settings.get("FORKCAST_DB_USER"));
        assertEquals(settings.get("POSTGRES_PASSWORD"), settings.get("FORKCAST_DB_PASSWORD"));
    }

    @Test
    void everyForkcastSettingInTheFileIsOneTheReadmeDocuments() {
        String readme = StackFiles.read("README.md");

        for (String name : settings.keySet()) {
            if (name.startsWith("FORKCAST_")) {
                assertTrue(readme.contains("`" + name + "`"), name + " is not in the README's configuration table"
                        + " (a typo would silently fall back to a default)");
            }
        }
    }

    @Test
    void secretsAreNotInTheSettingsFileAndComposeOnlyPassesThemThrough() {
        for (String secret : SECRETS) {
            assertFalse(settings.containsKey(secret), secret + " belongs in the shell, not in a file in the repository");
        }
        compose.path("services").fields().forEachRemaining(service ->
                service.getValue().path("environment").fields().forEachRemaining(variable -> {
                    String name = variable.getKey();
                    if (name.startsWith("FORKCAST_")) {
                        assertTrue(SECRETS.contains(name), service.getKey() + " sets " + name
                                + " in docker-compose.yml: settings live in " + StackFiles.SETTINGS_FILE);
                        assertEquals("${" + name + ":-}", variable.getValue().asText(),
                                service.getKey() + ": a secret is passed from the shell, never written here");
                    }
                }));
    }

    @Test
    void thePulledImagesAreTheVersionsTheCodeIsBuiltAndTestedWith() {
        String postgresBinaries = StackFiles.pomProperty("pom.xml", "zonky.binaries.version");
        String kafka = StackFiles.pomProperty("pom.xml", "kafka.version");
        String spark = StackFiles.pomProperty("pipeline/pom.xml", "spark.version");

        assertEquals("postgres:" + postgresBinaries.replaceFirst("\\.0$", ""), image("postgres"),
                "the PostgreSQL of the embedded server the tests run against");
        assertEquals("apache/kafka:" + kafka, image("kafka"), "the Kafka of the clients and the local broker");
        assertEquals("apache/spark:" + spark + "-scala2.13-java17-ubuntu", image("spark-master"),
                "spark-sql_2.13 " + spark + " on Java 17");
        assertEquals(image("spark-master"), image("spark-worker"));
        assertTrue(StackFiles.read(StackFiles.DOCKERFILE).contains("FROM " + image("spark-master") + " AS etl"),
                "the ETL submits with the cluster's own Spark");
    }

    @Test
    void theJavaImagesAreTheJavaReleaseTheCodeIsCompiledFor() {
        String release = StackFiles.pomProperty("pom.xml", "maven.compiler.release");

        for (Dockerfile.Stage stage : StackFiles.dockerfile().stages()) {
            if (stage.base().startsWith("eclipse-temurin:")) {
                assertTrue(stage.base().startsWith("eclipse-temurin:" + release + "."), stage.base());
            }
        }
    }

    @Test
    void theApiPublishesThePortItListensOn() {
        String published = compose.path("services").path("api").path("ports").path(0).asText();

        String containerPort = published.substring(published.lastIndexOf(':') + 1);

        assertEquals(settings.get("FORKCAST_API_PORT"), containerPort);
    }

    @Test
    void kafkaAdvertisesTheBootstrapAddressTheServicesUse() {
        String advertised = compose.path("services").path("kafka").path("environment")
                .path("KAFKA_ADVERTISED_LISTENERS").asText();

        assertTrue(advertised.contains("://" + settings.get("FORKCAST_KAFKA_BOOTSTRAP")),
                advertised + " does not offer " + settings.get("FORKCAST_KAFKA_BOOTSTRAP"));
    }

    private String image(String service) {
        return compose.path("services").path(service).path("image").asText();
    }
}
