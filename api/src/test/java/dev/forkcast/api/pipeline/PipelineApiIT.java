package dev.forkcast.api.pipeline;

import static dev.forkcast.api.TestApi.assertJson;
import static dev.forkcast.api.TestApi.httpGet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forkcast.api.TestApi;
import dev.forkcast.api.TestApi.Answer;
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

/** ETL runs and their quality checks: a full run that succeeded and an incremental one stopped by a check. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineApiIT implements TestPropertyProvider {

    private final ScratchDatabase database = ScratchDatabase.create();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestApi.properties(database, TestApi.TOKEN);
    }

    @BeforeAll
    void twoRunsTheSecondStoppedByAFailedCheck() throws SQLException {
        TestApi.sql(database.dataSource(), """
                INSERT INTO ops.pipeline_runs (run_id, job, mode, started_at, finished_at, status, raw_rows_read, error)
                OVERRIDING SYSTEM VALUE VALUES
                  (1, 'etl', 'full', '2025-03-08 02:00:00+00', '2025-03-08 02:04:30+00', 'succeeded', 120000, NULL),
                  (2, 'etl', 'incremental', '2025-03-09 02:00:00+00', '2025-03-09 02:01:10+00', 'failed', 15000,
                   'quality check staging_orders_unique_ids failed')""", """
                INSERT INTO ops.quality_results
                  (run_id, check_name, layer, table_name, kind, severity, passed, failing_rows, detail, checked_at)
                VALUES
                  (2, 'staging_orders_unique_ids', 'staging', 'staging.orders', 'unique', 'error', false, 3,
                   '3 order ids appear twice', '2025-03-09 02:01:00+00'),
                  (2, 'marts_orders_not_empty', 'marts', 'marts.fct_orders', 'not_empty', 'warn', true, 0, NULL,
                   '2025-03-09 02:00:50+00')""");
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void runsComeNewestFirst() {
        Answer answer = httpGet(server, "/api/v1/pipeline/runs");

        assertEquals(200, answer.status());
        assertJson("""
                {"runs": [
                  {"runId": 2, "job": "etl", "mode": "incremental", "startedAt": "2025-03-09T02:00:00Z",
                   "finishedAt": "2025-03-09T02:01:10Z", "status": "failed", "rawRowsRead": 15000,
                   "error": "quality check staging_orders_unique_ids failed"},
                  {"runId": 1, "job": "etl", "mode": "full", "startedAt": "2025-03-08T02:00:00Z",
                   "finishedAt": "2025-03-08T02:04:30Z", "status": "succeeded", "rawRowsRead": 120000, "error": null}
                ]}""", answer.body());
    }

    @Test
    void limitKeepsTheNewestRuns() {
        Answer answer = httpGet(server, "/api/v1/pipeline/runs?limit=1");

        assertEquals(200, answer.status());
        assertEquals(1, TestApi.json(answer.body()).get("runs").size());
        assertEquals(2, TestApi.json(answer.body()).get("runs").get(0).get("runId").asInt());
    }

    @Test
    void aLimitOfZeroIs400NamingTheField() {
        Answer answer = httpGet(server, "/api/v1/pipeline/runs?limit=0");

        assertEquals(400, answer.status());
        assertJson("""
                {"status": 400, "error": "Bad Request", "field": "limit", "reason": "must be between 1 and 500"}""",
                answer.body());
    }

    @Test
    void aLimitAboveFiveHundredIs400() {
        Answer answer = httpGet(server, "/api/v1/pipeline/runs?limit=501");

        assertEquals(400, answer.status());
        assertJson("""
                {"status": 400, "error": "Bad Request", "field": "limit", "reason": "must be between 1 and 500"}""",
                answer.body());
    }

    @Test
    void aLimitThatIsNotANumberIs400() {
        Answer answer = httpGet(server, "/api/v1/pipeline/runs?limit=ten");

        assertEquals(400, answer.status());
        assertJson("""
                {"status": 400, "error": "Bad Request", "field": "limit", "reason": "must be a whole number"}""",
                answer.body());
    }

    @Test
    void aRunsQualityChecksComeByName() {
        Answer answer = httpGet(server, "/api/v1/pipeline/runs/2/quality");

        assertEquals(200, answer.status());
        assertJson("""
                {"runId": 2, "checks": [
                  {"checkName": "marts_orders_not_empty", "layer": "marts", "tableName": "marts.fct_orders",
                   "kind": "not_empty", "severity": "warn", "passed": true, "failingRows": 0, "detail": null,
                   "checkedAt": "2025-03-09T02:00:50Z"},
                  {"checkName": "staging_orders_unique_ids", "layer": "staging", "tableName": "staging.orders",
                   "kind": "unique", "severity": "error", "passed": false, "failingRows": 3,
                   "detail": "3 order ids appear twice", "checkedAt": "2025-03-09T02:01:00Z"}
                ]}""", answer.body());
    }

    @Test
    void aRunWithoutChecksHasAnEmptyList() {
        Answer answer = httpGet(server, "/api/v1/pipeline/runs/1/quality");

        assertEquals(200, answer.status());
        assertJson("""
                {"runId": 1, "checks": []}""", answer.body());
    }

    @Test
    void anUnknownRunIs404() {
        Answer answer = httpGet(server, "/api/v1/pipeline/runs/99/quality");

        assertEquals(404, answer.status());
        assertJson("""
                {"status": 404, "error": "Not Found", "field": "runId", "reason": "no pipeline run 99"}""",
                answer.body());
    }

    @Test
    void aRunIdThatIsNotANumberIs400() {
        Answer answer = httpGet(server, "/api/v1/pipeline/runs/latest/quality");

        assertEquals(400, answer.status());
        assertJson("""
                {"status": 400, "error": "Bad Request", "field": "runId", "reason": "must be a whole number"}""",
                answer.body());
    }
}
