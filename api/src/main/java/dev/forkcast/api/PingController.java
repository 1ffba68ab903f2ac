package dev.forkcast.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The cheapest possible route: no database, no blocking, answered on the event loop. The load benchmark's
 * baseline: any other endpoint's figure is read as a ratio to this one.
 */
@Controller("/api/v1/ping")
@Tag(name = "ping")
final class PingController {

    @Serdeable
    record Pong(String status) {
    }

    private static final Pong PONG = new Pong("ok");

    @Get
    @Operation(summary = "Answers {\"status\":\"ok\"} without touching the database")
    Pong ping() {
        return PONG;
    }
}
