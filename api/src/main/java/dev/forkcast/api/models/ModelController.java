package dev.forkcast.api.models;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.SQLException;

/** {@code /api/v1/models}: what the registry holds. JDBC blocks, so these run off the event loop. */
@Controller("/api/v1/models")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "models")
final class ModelController {

    private final ModelService service;

    ModelController(ModelService service) {
        this.service = service;
    }

    @Get
    @Operation(summary = "Both models with their aliases and versions (no model bytes)")
    ModelView.Models all() throws SQLException {
        return new ModelView.Models(service.all());
    }

    @Get("/{name}")
    @Operation(summary = "One model with its aliases and versions")
    ModelView one(@PathVariable @Parameter(schema = @Schema(allowableValues = {"delivery_time", "fraud"})) String name)
            throws SQLException {
        return service.one(ModelNames.parse(name));
    }

    @Get("/{name}/versions/{version}")
    @Operation(summary = "One version: metrics, hyperparameters, data window, features, trainer, code and provenance")
    VersionView version(@PathVariable String name, @PathVariable int version) throws SQLException {
        return service.version(ModelNames.parse(name), version);
    }

    @Get("/{name}/aliases/history")
    @Operation(summary = "Every alias move of a model, oldest first, with its reason")
    AliasHistoryView history(@PathVariable String name) throws SQLException {
        return service.history(ModelNames.parse(name));
    }
}
