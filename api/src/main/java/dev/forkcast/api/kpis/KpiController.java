package dev.forkcast.api.kpis;

import dev.forkcast.api.errors.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.sql.SQLException;
import java.time.LocalDate;

/** {@code /api/v1/kpis}: the marts' daily KPIs. The range rule lives in {@link KpiRange}, tested without a server. */
@Controller("/api/v1/kpis")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "kpis")
@SecurityRequirements // public: read endpoints need no token
class KpiController {

    private final KpiRepository repository;

    KpiController(KpiRepository repository) {
        this.repository = repository;
    }

    @Get("/daily")
    @Operation(summary = "Daily KPIs per day, zone and cuisine, from and to included (at most 366 days)")
    @ApiResponse(responseCode = "200", description = "The rows, by day, zone and cuisine")
    @ApiResponse(responseCode = "400", description = "A date is missing or malformed, to is before from, or the range is longer than 366 days",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    DailyKpi.Days daily(@QueryValue LocalDate from, @QueryValue LocalDate to,
                        @QueryValue @Nullable @Size(min = 1, max = 64) String zone,
                        @QueryValue @Nullable @Size(min = 1, max = 64) String cuisine) throws SQLException {
        KpiRange.check(from, to);
        return new DailyKpi.Days(from, to, zone, cuisine, repository.daily(from, to, zone, cuisine));
    }
}
