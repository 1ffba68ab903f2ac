package dev.forkcast.api.admin;

import dev.forkcast.api.errors.ApiError;
import dev.forkcast.api.models.AliasHistoryView;
import dev.forkcast.api.models.ModelNames;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.sql.SQLException;

/** {@code /api/v1/admin}: actions that change what the API serves. {@link AdminTokenFilter} guards them all. */
@Controller("/api/v1/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@SecurityRequirement(name = "adminToken")
class AdminController {

    private final AdminService service;

    AdminController(AdminService service) {
        this.service = service;
    }

    @Post("/models/{name}/aliases/champion")
    @Operation(summary = "Make a version the champion (promote it, or roll back to it), with a reason for the history")
    @ApiResponse(responseCode = "200", description = "The move, as the alias history records it")
    @ApiResponse(responseCode = "400", description = "The body is missing, not JSON, or a field breaks its rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "401", description = "No token, a wrong token, or admin actions disabled (no FORKCAST_API_TOKEN)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such model or version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    AliasHistoryView.Move champion(@PathVariable String name, @Body @Valid ChampionRequest request) throws SQLException {
        return service.makeChampion(ModelNames.parse(name), request.version(), request.reason());
    }
}
