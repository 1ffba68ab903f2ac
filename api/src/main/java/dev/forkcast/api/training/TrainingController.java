package dev.forkcast.api.training;

import dev.forkcast.api.errors.ApiError;
import dev.forkcast.api.errors.ApiException;
import io.micronaut.http.HttpResponse;
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

/** {@code /api/v1/training}: training runs and their report (report.md and the SVG charts). */
@Controller("/api/v1/training")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "training")
@SecurityRequirements // public: read endpoints need no token
class TrainingController {

    /**
     * An SVG is a document that may hold scripts; served from the API's own origin, a tampered one could run
     * them there. This policy lets a browser draw it and nothing else; nosniff stops it guessing another type.
     */
    static final String REPORT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private final TrainingRepository repository;

    TrainingController(TrainingRepository repository) {
        this.repository = repository;
    }

    @Get("/runs")
    @Operation(summary = "The latest training runs, newest first, with the names of their report files")
    @ApiResponse(responseCode = "200", description = "The runs")
    @ApiResponse(responseCode = "400", description = "limit is not a whole number from 1 to 500",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    TrainingRun.Runs runs(@QueryValue(defaultValue = "20") @Min(value = 1, message = "must be between 1 and 500")
                          @Max(value = 500, message = "must be between 1 and 500") int limit) throws SQLException {
        return new TrainingRun.Runs(repository.latestRuns(limit));
    }

    @Get("/runs/{runId}/files/{name}")
    @Operation(summary = "One file of a run's report: report.md as text/markdown, charts as image/svg+xml")
    @ApiResponse(responseCode = "200", description = "The file, in its own media type", content = {
            @Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
            @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "No such run or file",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    HttpResponse<byte[]> file(@PathVariable String runId, @PathVariable String name) throws SQLException {
        if (!repository.runExists(runId)) {
            throw ApiException.notFound("runId", "no training run '" + runId + "'");
        }
        ReportFile file = repository.file(runId, name).orElseThrow(
                () -> ApiException.notFound("name", "training run '" + runId + "' has no file '" + name + "'"));
        return HttpResponse.ok(file.content())
                .contentType(MediaType.of(file.mediaType() + "; charset=utf-8"))
                .header("Content-Security-Policy", REPORT_CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff");
    }
}
