package dev.forkcast.api.pipeline;

import dev.forkcast.api.errors.ApiError;
import dev.forkcast.api.errors.ApiException;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
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
@SecurityRequirements // public: read endpoints need no token
class PipelineController {

    private final PipelineRepository repository;

    PipelineController(PipelineRepository repository) {
        this.repository = repository;
    }

    @Get("/runs")
    @Operation(summary = "The latest ETL runs, newest first")
    @ApiResponse(responseCode = "200", description = "The runs")
    @ApiResponse(responseCode = "400", description = "limit is not a whole number from 1 to 500",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    PipelineRun.Runs runs(@QueryValue(defaultValue = "20") @Min(value = 1, message = "must be between 1 and 500")
                          @Max(value = 500, message = "must be between 1 and 500") int limit) throws SQLException {
        return new PipelineRun.Runs(repository.latestRuns(limit));
    }

    @Get("/runs/{runId}/quality")
    @Operation(summary = "The data-quality checks of one ETL run, by name")
    @ApiResponse(responseCode = "200", description = "The checks")
    @ApiResponse(responseCode = "400", description = "runId is not a whole number",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    QualityResult.Checks quality(@PathVariable long runId) throws SQLException {
        if (!repository.runExists(runId)) {
            throw ApiException.notFound("runId", "no pipeline run " + runId);
        }
        return new QualityResult.Checks(runId, repository.quality(runId));
    }
}
