package dev.forkcast.api;

import dev.forkcast.api.errors.ApiError;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The cheapest possible route: no database, no blocking, answered on the event loop. The load benchmark's
 * baseline: any other endpoint's figure is read as a ratio to this one.
 */
@Controller("/api/v1/ping")
@Tag(name = "ping")
@SecurityRequirements // public: read endpoints need no token
final class PingController {

    @Serdeable
    record Pong(String status) {
    }

    private static final Pong PONG = new Pong("ok");

    @Get
    @Operation(summary = "Answers {\"status\":\"ok\"} without touching the database")
    @ApiResponse(responseCode = "200", description = "Always")
    @ApiResponse(responseCode = "406", description = "The Accept header excludes application/json",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    Pong ping() {
        return PONG;
    }
}
