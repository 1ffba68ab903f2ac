package dev.forkcast.api.models;

import dev.forkcast.api.errors.ApiError;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.SQLException;

/** {@code /api/v1/models}: what the registry holds. JDBC blocks, so these run off the event loop. */
@Controller("/api/v1/models")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "models")
@SecurityRequirements // public: read endpoints need no token
final class ModelController {

    private final ModelService service;

    ModelController(ModelService service) {
        this.service = service;
    }

    @Get
    @Operation(summary = "Both models with their aliases and versions (no model bytes)")
    @ApiResponse(responseCode = "200", description = "The models")
    @ApiResponse(responseCode = "406", description = "The Accept header excludes application/json",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    ModelView.Models all() throws SQLException {
        return new ModelView.Models(service.all());
    }

    @Get("/{name}")
    @Operation(summary = "One model with its aliases and versions")
    @ApiResponse(responseCode = "200", description = "The model")
    @ApiResponse(responseCode = "404", description = "No model of that name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    ModelView one(@PathVariable @Parameter(schema = @Schema(allowableValues = {"delivery_time", "fraud"})) String name)
            throws SQLException {
        return service.one(ModelNames.parse(name));
    }

    @Get("/{name}/versions/{version}")
    @Operation(summary = "One version: metrics, hyperparameters, data window, features, trainer, code and provenance")
    @ApiResponse(responseCode = "200", description = "The version")
    @ApiResponse(responseCode = "400", description = "The version is not a whole number",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such model or version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    VersionView version(@PathVariable String name, @PathVariable int version) throws SQLException {
        return service.version(ModelNames.parse(name), version);
    }

    @Get("/{name}/aliases/history")
    @Operation(summary = "Every alias move of a model, oldest first, with its reason")
    @ApiResponse(responseCode = "200", description = "The history")
    @ApiResponse(responseCode = "404", description = "No model of that name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    AliasHistoryView history(@PathVariable String name) throws SQLException {
        return service.history(ModelNames.parse(name));
    }
}
