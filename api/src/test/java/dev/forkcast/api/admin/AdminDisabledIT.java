package dev.forkcast.api.admin;

import static dev.forkcast.api.TestApi.assertJson;
import static dev.forkcast.api.TestApi.httpPost;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forkcast.api.TestApi;
import dev.forkcast.api.TestApi.Answer;
import dev.forkcast.warehouse.ScratchDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A server started without FORKCAST_API_TOKEN: no token opens admin actions, not even an empty one. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminDisabledIT implements TestPropertyProvider {

    private final ScratchDatabase database = ScratchDatabase.create();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestApi.properties(database, "");
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void adminActionsAnswer401SayingTheyAreDisabled() {
        Answer answer = httpPost(server, "/api/v1/admin/models/fraud/aliases/champion", """
                {"version": 1, "reason": "x"}""", "Bearer ");

        assertEquals(401, answer.status());
        assertJson("""
                {"status": 401, "error": "Unauthorized", "field": "Authorization",
                 "reason": "admin actions are disabled: the server was started without FORKCAST_API_TOKEN"}""",
                answer.body());
    }
}
