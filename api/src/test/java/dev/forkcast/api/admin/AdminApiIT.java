package dev.forkcast.api.admin;

import static dev.forkcast.api.TestApi.assertJson;
import static dev.forkcast.api.TestApi.httpGet;
import static dev.forkcast.api.TestApi.httpPost;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forkcast.api.TestApi;
import dev.forkcast.api.TestApi.Answer;
import dev.forkcast.api.TinyModels;
import dev.forkcast.ml.registry.Alias;
import dev.forkcast.ml.registry.AliasChange;
import dev.forkcast.ml.registry.ModelKind;
import dev.forkcast.ml.registry.ModelRegistry;
import dev.forkcast.ml.registry.ModelRegistry.Registration;
import dev.forkcast.ml.registry.TrainingRunLog;
import dev.forkcast.warehouse.ScratchDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Rolling the delivery model's champion back from v2 to v1, with and without the right token. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiIT implements TestPropertyProvider {

    private static final String CHAMPION = "/api/v1/admin/models/delivery_time/aliases/champion";
    private static final String ROLL_BACK = """
            {"version": 1, "reason": "v2 over-predicts on rainy evenings"}""";

    private final ScratchDatabase database = ScratchDatabase.create();
    private ModelRegistry registry;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestApi.properties(database, TestApi.TOKEN);
    }

    @BeforeAll
    void twoDeliveryVersions() throws SQLException {
        new TrainingRunLog(database.dataSource()).started("train-1", "git:0123456789ab");
        registry = new ModelRegistry(database.dataSource());
        Registration registration = new Registration("train-1", "linear", Map.of(), Map.of(), Map.of("test_rmse", 6.0),
                null, "git:0123456789ab");
        registry.register(ModelKind.DELIVERY_TIME, TinyModels.delivery(), registration);
        registry.register(ModelKind.DELIVERY_TIME, TinyModels.delivery(), registration);
    }

    @BeforeEach
    void versionTwoIsChampion() throws SQLException {
        TestApi.sql(database.dataSource(), "TRUNCATE ml.alias_history, ml.model_aliases");
        registry.assign(ModelKind.DELIVERY_TIME, Alias.CHAMPION, 2, "beat v1 on the same test days");
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void withoutATokenTheAnswerIs401AndNothingMoves() throws SQLException {
        Answer answer = httpPost(server, CHAMPION, ROLL_BACK, null);

        assertEquals(401, answer.status());
        assertJson("""
                {"status": 401, "error": "Unauthorized", "field": "Authorization",
                 "reason": "an admin action needs the header Authorization: Bearer <FORKCAST_API_TOKEN>"}""",
                answer.body());
        assertEquals(2, registry.aliased(ModelKind.DELIVERY_TIME, Alias.CHAMPION).orElseThrow().version());
    }

    @Test
    void withAWrongTokenTheAnswerIs401AndNothingMoves() throws SQLException {
        Answer answer = httpPost(server, CHAMPION, ROLL_BACK, "Bearer guessed-token");

        assertEquals(401, answer.status());
        assertJson("""
                {"status": 401, "error": "Unauthorized", "field": "Authorization",
                 "reason": "the bearer token is not this server's FORKCAST_API_TOKEN"}""", answer.body());
        assertEquals(1, registry.history(ModelKind.DELIVERY_TIME).size());
    }

    @Test
    void withTheTokenTheChampionRollsBackAndTheHistoryGrows() throws SQLException {
        Answer answer = httpPost(server, CHAMPION, ROLL_BACK, "Bearer " + TestApi.TOKEN);

        assertEquals(200, answer.status());
        List<AliasChange> history = registry.history(ModelKind.DELIVERY_TIME);
        assertEquals(2, history.size());
        assertJson("""
                {"alias": "champion", "version": 1, "assignedAt": "%s",
                 "reason": "by an admin: v2 over-predicts on rainy evenings"}""".formatted(history.get(1).assignedAt()),
                answer.body());
        assertEquals(1, registry.aliased(ModelKind.DELIVERY_TIME, Alias.CHAMPION).orElseThrow().version());
    }

    @Test
    void theRollBackShowsInTheModelsAliasHistory() {
        httpPost(server, CHAMPION, ROLL_BACK, "Bearer " + TestApi.TOKEN);

        Answer answer = httpGet(server, "/api/v1/models/delivery_time/aliases/history");

        var history = TestApi.json(answer.body()).get("history");
        assertEquals(2, history.size());
        assertEquals(1, history.get(1).get("version").asInt());
    }

    @Test
    void aVersionThatDoesNotExistIs404AndNothingMoves() throws SQLException {
        Answer answer = httpPost(server, CHAMPION, """
                {"version": 7, "reason": "typo"}""", "Bearer " + TestApi.TOKEN);

        assertEquals(404, answer.status());
        assertJson("""
                {"status": 404, "error": "Not Found", "field": "version", "reason": "delivery_time has no version 7"}""",
                answer.body());
        assertEquals(1, registry.history(ModelKind.DELIVERY_TIME).size());
    }

    @Test
    void aMissingReasonIs400NamingIt() {
        Answer answer = httpPost(server, CHAMPION, """
                {"version": 1}""", "Bearer " + TestApi.TOKEN);

        assertEquals(400, answer.status());
        assertJson("""
                {"status": 400, "error": "Bad Request", "field": "reason", "reason": "must not be blank"}""",
                answer.body());
    }

    @Test
    void aVersionOfZeroIs400NamingIt() {
        Answer answer = httpPost(server, CHAMPION, """
                {"version": 0, "reason": "why not"}""", "Bearer " + TestApi.TOKEN);

        assertEquals(400, answer.status());
        assertJson("""
                {"status": 400, "error": "Bad Request", "field": "version", "reason": "must be greater than 0"}""",
                answer.body());
    }

    @Test
    void aBodyThatIsNotJsonIs400NotA500() {
        Answer answer = httpPost(server, CHAMPION, "version=1", "Bearer " + TestApi.TOKEN);

        assertEquals(400, answer.status());
        assertEquals("body", TestApi.json(answer.body()).get("field").asText());
    }

    @Test
    void aVersionThatIsTextIs400NotA500() {
        Answer answer = httpPost(server, CHAMPION, """
                {"version": "one", "reason": "x"}""", "Bearer " + TestApi.TOKEN);

        assertEquals(400, answer.status());
        assertEquals(400, TestApi.json(answer.body()).get("status").asInt());
    }

    @Test
    void anUnknownModelIs404() {
        Answer answer = httpPost(server, "/api/v1/admin/models/eta/aliases/champion", ROLL_BACK,
                "Bearer " + TestApi.TOKEN);

        assertEquals(404, answer.status());
        assertEquals("name", TestApi.json(answer.body()).get("field").asText());
    }
}
