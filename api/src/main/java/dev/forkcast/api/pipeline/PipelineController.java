package dev.forkcast.api.pipeline;

import dev.forkcast.api.errors.ApiException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.sql.SQLException;

/**
 * {@code /api/v1/pipeline}: the ETL's runs and what its quality checks saw. No service layer: there is no
 * logic between the request and the query but "unknown run is a 404".
 */
@Controller("/api/v1/pipeline")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "pipeline")
class PipelineController {

    private final PipelineRepository repository;

    PipelineController(PipelineRepository repository) {
        this.repository = repository;
    }

    @Get("/runs")
    @Operation(summary = "The latest ETL runs, newest first")
    PipelineRun.Runs runs(@QueryValue(defaultValue = "20") @Min(value = 1, message = "must be between 1 and 500")
                          @Max(value = 500, message = "must be between 1 and 500") int limit) throws SQLException {
        return new PipelineRun.Runs(repository.latestRuns(limit));
    }

    @Get("/runs/{runId}/quality")
    @Operation(summary = "The data-quality checks of one ETL run, by name")
    QualityResult.Checks quality(@PathVariable long runId) throws SQLException {
        if (!repository.runExists(runId)) {
            throw ApiException.notFound("runId", "no pipeline run " + runId);
        }
        return new QualityResult.Checks(runId, repository.quality(runId));
    }
}
