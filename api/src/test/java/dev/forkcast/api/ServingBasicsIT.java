package dev.forkcast.api;

import static dev.forkcast.api.TestApi.assertJson;
import static dev.forkcast.api.TestApi.httpGet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.api.TestApi.Answer;
import dev.forkcast.warehouse.ScratchDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every server has besides its endpoints: ping, health, metrics, its documentation, and its 404s. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServingBasicsIT implements TestPropertyProvider {

    private final ScratchDatabase database = ScratchDatabase.create();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestApi.properties(database, TestApi.TOKEN);
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void pingAnswersOk() {
        Answer answer = httpGet(server, "/api/v1/ping");

        assertEquals(200, answer.status());
        assertJson("""
                {"status": "ok"}""", answer.body());
    }

    @Test
    void healthIsUpWhenTheWarehouseAnswers() {
        Answer answer = httpGet(server, "/health");

        assertEquals(200, answer.status());
        assertJson("""
                {"status": "UP"}""", answer.body());
    }

    @Test
    void prometheusCountsTheRequestsPerRoute() {
        httpGet(server, "/api/v1/ping");

        Answer answer = httpGet(server, "/prometheus");

        assertEquals(200, answer.status());
        assertTrue(answer.body().contains("http_server_requests_seconds_count{"), answer.body());
        assertTrue(answer.body().contains("uri=\"/api/v1/ping\""), answer.body());
    }

    @Test
    void theOpenApiDocumentIsServed() {
        Answer answer = httpGet(server, "/swagger/forkcast-api-0.1.yml");

        assertEquals(200, answer.status());
        assertTrue(answer.body().startsWith("openapi: 3."), answer.body());
    }

    @Test
    void theSwaggerUiIsServed() {
        Answer answer = httpGet(server, "/swagger-ui/index.html");

        assertEquals(200, answer.status());
        assertTrue(answer.body().contains("forkcast-api-0.1.yml"), answer.body());
    }

    @Test
    void theDocumentedRoutesAreExactlyTheseAndNoneReadsPersonalData() {
        String document = httpGet(server, "/swagger/forkcast-api-0.1.yml").body();
        TreeSet<String> paths = new TreeSet<>();
        Matcher path = Pattern.compile("(?m)^  (/\\S+):$").matcher(document);
        while (path.find()) {
            paths.add(path.group(1));
        }

        // staging.customers (pseudonymised contacts) and raw.events (events as they arrived, personal data in
        // clear) have no route: adding one must be a decision, and this list makes it visible in review.
        assertEquals(new TreeSet<>(List.of(
                "/api/v1/admin/models/{name}/aliases/champion",
                "/api/v1/kpis/daily",
                "/api/v1/models",
                "/api/v1/models/{name}",
                "/api/v1/models/{name}/aliases/history",
                "/api/v1/models/{name}/versions/{version}",
                "/api/v1/pipeline/runs",
                "/api/v1/pipeline/runs/{runId}/quality",
                "/api/v1/ping",
                "/api/v1/predictions/delivery-time",
                "/api/v1/predictions/delivery-time/batch",
                "/api/v1/predictions/fraud",
                "/api/v1/predictions/fraud/batch",
                "/api/v1/training/runs",
                "/api/v1/training/runs/{runId}/files/{name}")), paths);
    }

    @Test
    void anUnknownRouteIs404InTheSameJsonShape() {
        Answer answer = httpGet(server, "/api/v1/customers");

        assertEquals(404, answer.status());
        assertJson("""
                {"status": 404, "error": "Not Found", "reason": "Page Not Found"}""", answer.body());
    }

    @Test
    void aWrongMethodIs405InTheSameJsonShape() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.getURI().resolve("/api/v1/models")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(405, answer.statusCode());
        assertEquals(405, TestApi.json(answer.body()).get("status").asInt());
        assertEquals("Method Not Allowed", TestApi.json(answer.body()).get("error").asText());
    }

    @Test
    void askingForHtmlIs406InTheSameJsonShape() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.getURI().resolve("/api/v1/ping")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(406, answer.statusCode());
        assertEquals("Not Acceptable", TestApi.json(answer.body()).get("error").asText());
    }

    @Test
    void garbageInTheUrlIsNeverA500() {
        List<String> garbage = List.of(
                "/api/v1/models/delivery_time/versions/abc",
                "/api/v1/models/delivery_time/versions/99999999999999999999",
                "/api/v1/models/delivery_time/versions/-1",
                "/api/v1/models/%00/versions/1",
                "/api/v1/models/'%20OR%201=1--",
                "/api/v1/pipeline/runs?limit=-1",
                "/api/v1/pipeline/runs?limit=1e3",
                "/api/v1/pipeline/runs?limit=99999999999",
                "/api/v1/pipeline/runs/1.5/quality",
                "/api/v1/kpis/daily",
                "/api/v1/kpis/daily?from=2025-13-01&to=2025-03-01",
                "/api/v1/kpis/daily?from=0000-01-01&to=9999-12-31",
                "/api/v1/kpis/daily?from=2025-03-01&to=2025-03-02&zone=" + "z".repeat(500),
                "/api/v1/training/runs?limit=", // empty = not given: the default 20
                "/api/v1/training/runs/%2e%2e/files/%2e%2e%2fetc%2fpasswd");

        for (String url : garbage) {
            Answer answer = httpGet(server, url);

            assertTrue(answer.status() < 500, url + " answered " + answer.status() + ": " + answer.body());
            if (answer.status() >= 400) {
                assertEquals(answer.status(), TestApi.json(answer.body()).get("status").asInt(), url);
            }
        }
    }
}
