package dev.forkcast.api.models;

import static dev.forkcast.api.TestApi.assertJson;
import static dev.forkcast.api.TestApi.httpGet;
import static dev.forkcast.api.TestApi.toJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forkcast.api.TestApi;
import dev.forkcast.api.TestApi.Answer;
import dev.forkcast.api.TinyModels;
import dev.forkcast.ml.registry.Alias;
import dev.forkcast.ml.registry.ModelKind;
import dev.forkcast.ml.registry.ModelRegistry;
import dev.forkcast.ml.registry.ModelRegistry.Registration;
import dev.forkcast.ml.registry.ModelVersion;
import dev.forkcast.ml.registry.TrainingRunLog;
import dev.forkcast.warehouse.ScratchDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The registry read over HTTP: two delivery versions (champion v1, challenger v2) and one fraud version. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelsApiIT implements TestPropertyProvider {

    private static final String RUN = "train-20250310-0900";

    private final ScratchDatabase database = ScratchDatabase.create();
    private ModelVersion delivery1;
    private ModelVersion delivery2;
    private ModelVersion fraud1;
    private ModelRegistry registry;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestApi.properties(database, TestApi.TOKEN);
    }

    @BeforeAll
    void aRegistryWithThreeVersions() throws SQLException {
        new TrainingRunLog(database.dataSource()).started(RUN, "git:0123456789ab");
        registry = new ModelRegistry(database.dataSource());
        Registration linear = new Registration(RUN, "linear", Map.of("epochs", 5),
                Map.of("train", Map.of("first_day", "2025-03-01", "days", 6)), Map.of("test_rmse", 6.5), null,
                "git:0123456789ab");
        delivery1 = registry.register(ModelKind.DELIVERY_TIME, TinyModels.delivery(), linear);
        delivery2 = registry.register(ModelKind.DELIVERY_TIME, TinyModels.delivery(), linear);
        fraud1 = registry.register(ModelKind.FRAUD, TinyModels.fraud(), new Registration(RUN, "logistic",
                Map.of("epochs", 5), Map.of("placed_before", "2025-03-08T00:00:00Z"), Map.of("test_pr_auc", 0.5),
                0.25, "git:0123456789ab"));
        registry.assign(ModelKind.DELIVERY_TIME, Alias.CHAMPION, 1, "first version");
        registry.assign(ModelKind.DELIVERY_TIME, Alias.CHALLENGER, 2, "not better than v1 on the same days");
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void theModelListShowsBothModelsWithTheirAliasesAndVersions() {
        Answer answer = httpGet(server, "/api/v1/models");

        assertEquals(200, answer.status());
        assertJson("""
                {"models": [
                  {"name": "delivery_time", "aliases": {"champion": 1, "challenger": 2}, "versions": [%s, %s]},
                  {"name": "fraud", "aliases": {}, "versions": [%s]}
                ]}""".formatted(line(delivery1), line(delivery2), line(fraud1)), answer.body());
    }

    @Test
    void oneModelIsTheSameEntryAsInTheList() {
        Answer answer = httpGet(server, "/api/v1/models/fraud");

        assertEquals(200, answer.status());
        assertJson("""
                {"name": "fraud", "aliases": {}, "versions": [%s]}""".formatted(line(fraud1)), answer.body());
    }

    @Test
    void anUnknownModelIs404NamingTheKnownOnes() {
        Answer answer = httpGet(server, "/api/v1/models/eta");

        assertEquals(404, answer.status());
        assertJson("""
                {"status": 404, "error": "Not Found", "field": "name",
                 "reason": "no model named 'eta' (known: delivery_time, fraud)"}""", answer.body());
    }

    @Test
    void aVersionShowsWhereItCameFromAndHowGoodItIsButNotItsBytes() {
        Answer answer = httpGet(server, "/api/v1/models/fraud/versions/1");

        assertEquals(200, answer.status());
        assertJson("""
                {"model": "fraud", "version": 1, "createdAt": "%s", "trainingRunId": "train-20250310-0900",
                 "algorithm": "logistic", "trainer": "org.tribuo.classification.sgd.linear.LogisticRegressionTrainer",
                 "hyperparameters": {"epochs": 5}, "dataWindow": {"placed_before": "2025-03-08T00:00:00Z"},
                 "featureNames": %s, "featureFingerprint": "%s", "formatVersion": %d,
                 "codeVersion": "git:0123456789ab", "metrics": {"test_pr_auc": 0.5}, "decisionThreshold": 0.25,
                 "aliases": [], "provenance": %s}""".formatted(fraud1.createdAt(),
                toJson(fraud1.featureNames()), fraud1.featureFingerprint(), fraud1.formatVersion(),
                toJson(fraud1.provenance())), answer.body());
    }

    @Test
    void aVersionListsTheAliasesPointingAtIt() {
        Answer answer = httpGet(server, "/api/v1/models/delivery_time/versions/2");

        assertEquals("[\"challenger\"]", TestApi.json(answer.body()).get("aliases").toString());
    }

    @Test
    void aVersionThatIsNotANumberIs400NotA500() {
        Answer answer = httpGet(server, "/api/v1/models/delivery_time/versions/abc");

        assertEquals(400, answer.status());
        assertJson("""
                {"status": 400, "error": "Bad Request", "field": "version", "reason": "must be a whole number"}""",
                answer.body());
    }

    @Test
    void aVersionThatDoesNotExistIs404() {
        Answer answer = httpGet(server, "/api/v1/models/delivery_time/versions/9");

        assertEquals(404, answer.status());
        assertJson("""
                {"status": 404, "error": "Not Found", "field": "version", "reason": "delivery_time has no version 9"}""",
                answer.body());
    }

    @Test
    void theAliasHistoryListsEveryMoveOldestFirstWithItsReason() throws SQLException {
        var moves = registry.history(ModelKind.DELIVERY_TIME);

        Answer answer = httpGet(server, "/api/v1/models/delivery_time/aliases/history");

        assertEquals(200, answer.status());
        assertJson("""
                {"model": "delivery_time", "history": [
                  {"alias": "champion", "version": 1, "assignedAt": "%s", "reason": "first version"},
                  {"alias": "challenger", "version": 2, "assignedAt": "%s", "reason": "not better than v1 on the same days"}
                ]}""".formatted(moves.get(0).assignedAt(), moves.get(1).assignedAt()), answer.body());
    }

    /** A version as the model list shows it. */
    private static String line(ModelVersion v) {
        return """
                {"version": %d, "createdAt": "%s", "algorithm": "%s", "trainingRunId": "%s", "metrics": %s,
                 "decisionThreshold": %s}""".formatted(v.version(), v.createdAt(), v.algorithm(), v.trainingRunId(),
                toJson(v.metrics()), v.decisionThreshold());
    }
}
