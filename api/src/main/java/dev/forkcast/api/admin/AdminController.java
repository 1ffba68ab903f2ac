package dev.forkcast.api.admin;

import dev.forkcast.api.models.AliasHistoryView;
import dev.forkcast.api.models.ModelNames;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
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
    AliasHistoryView.Move champion(@PathVariable String name, @Body @Valid ChampionRequest request) throws SQLException {
        return service.makeChampion(ModelNames.parse(name), request.version(), request.reason());
    }
}
