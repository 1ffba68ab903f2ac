package dev.forkcast.api.training;

import static dev.forkcast.api.TestApi.assertJson;
import static dev.forkcast.api.TestApi.httpGet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forkcast.api.TestApi;
import dev.forkcast.api.TestApi.Answer;
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

/** Two training runs, the newer with a report (Markdown and one SVG chart) stored by the trainer's own log. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingApiIT implements TestPropertyProvider {

    private static final String REPORT = "# Training run train-b\n\ndelivery time: RMSE 5.9 min\n";
    private static final String CHART = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>";

    private final ScratchDatabase database = ScratchDatabase.create();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestApi.properties(database, TestApi.TOKEN);
    }

    @BeforeAll
    void twoRunsTheNewerWithAReport() throws SQLException {
        TestApi.sql(database.dataSource(), """
                INSERT INTO ml.training_runs (run_id, started_at, finished_at, status, code_version, error) VALUES
                  ('train-a', '2025-03-10 09:00:00+00', '2025-03-10 09:01:00+00', 'failed', 'git:aaa', 'no features'),
                  ('train-b', '2025-03-11 09:00:00+00', '2025-03-11 09:02:00+00', 'succeeded', 'git:bbb', NULL)""");
        TrainingRunLog log = new TrainingRunLog(database.dataSource());
        log.saveFile("train-b", "report.md", "text/markdown", REPORT);
        log.saveFile("train-b", "pr_curve.svg", "image/svg+xml", CHART);
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void runsComeNewestFirstWithTheirFileNames() {
        Answer answer = httpGet(server, "/api/v1/training/runs");

        assertEquals(200, answer.status());
        assertJson("""
                {"runs": [
                  {"runId": "train-b", "startedAt": "2025-03-11T09:00:00Z", "finishedAt": "2025-03-11T09:02:00Z",
                   "status": "succeeded", "codeVersion": "git:bbb", "error": null,
                   "files": ["pr_curve.svg", "report.md"]},
                  {"runId": "train-a", "startedAt": "2025-03-10T09:00:00Z", "finishedAt": "2025-03-10T09:01:00Z",
                   "status": "failed", "codeVersion": "git:aaa", "error": "no features", "files": []}
                ]}""", answer.body());
    }

    @Test
    void theReportIsServedAsMarkdown() {
        Answer answer = httpGet(server, "/api/v1/training/runs/train-b/files/report.md");

        assertEquals(200, answer.status());
        assertEquals("text/markdown;charset=utf-8", answer.contentType().replace(" ", ""));
        assertEquals(REPORT, answer.body());
    }

    @Test
    void aChartIsServedAsSvgThatMayNotRunScripts() {
        Answer answer = httpGet(server, "/api/v1/training/runs/train-b/files/pr_curve.svg");

        assertEquals(200, answer.status());
        assertEquals("image/svg+xml;charset=utf-8", answer.contentType().replace(" ", ""));
        assertEquals(CHART, answer.body());
        assertEquals(TrainingController.REPORT_CONTENT_SECURITY_POLICY,
                answer.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void anUnknownFileIs404NamingIt() {
        Answer answer = httpGet(server, "/api/v1/training/runs/train-b/files/secrets.txt");

        assertEquals(404, answer.status());
        assertJson("""
                {"status": 404, "error": "Not Found", "field": "name",
                 "reason": "training run 'train-b' has no file 'secrets.txt'"}""", answer.body());
    }

    @Test
    void anUnknownRunIs404NamingIt() {
        Answer answer = httpGet(server, "/api/v1/training/runs/train-z/files/report.md");

        assertEquals(404, answer.status());
        assertJson("""
                {"status": 404, "error": "Not Found", "field": "runId", "reason": "no training run 'train-z'"}""",
                answer.body());
    }
}
