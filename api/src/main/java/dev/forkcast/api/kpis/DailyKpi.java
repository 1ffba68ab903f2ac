package dev.forkcast.api.kpis;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of {@code marts.daily_kpis}: a day (UTC, of placement), a restaurant zone and a cuisine. Counts add up
 * across rows; rates do not (recompute them from the counts). The rates and the average are null when nothing
 * was delivered.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DailyKpi(LocalDate orderDate, String zoneId, String cuisine, long orders, long delivered,
                       long cancelled, long inProgress, long onTimeDeliveries, @Nullable Double onTimeRate,
                       @Nullable Double avgDeliveryMinutes, double cancellationRate, long grossValueCents,
                       long refundRequests, long chargebacks) {

    /** The rows asked for, by day, zone and cuisine. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Days(LocalDate from, LocalDate to, @Nullable String zone, @Nullable String cuisine,
                       List<DailyKpi> rows) {
    }
}
