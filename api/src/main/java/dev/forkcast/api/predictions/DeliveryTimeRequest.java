package dev.forkcast.api.predictions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * One order to estimate: {@code {"restaurantId":"rest_0042","deliveryLat":52.09,"deliveryLon":5.12,"itemCount":3,
 * "basketValueCents":2450,"weather":"rain","placedAt":"2025-03-09T18:30:00Z"}}.
 *
 * @param weather clear, rain or storm; left out = unknown (the model has a missing-value input for it)
 * @param placedAt an ISO-8601 instant; left out = now, to the minute (estimated as of the current minute's first
 *                 instant, see {@code CurrentHistories}). Text, not {@code Instant}, so a bad one is answered
 *                 as a 400 naming {@code placedAt} (a conversion error would only name the body)
 */
@Serdeable
public record DeliveryTimeRequest(
        @NotBlank @Size(max = 100) String restaurantId,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double deliveryLat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double deliveryLon,
        @NotNull @Min(1) @Max(100) Integer itemCount,
        @NotNull @PositiveOrZero Long basketValueCents,
        @Nullable @Pattern(regexp = "clear|rain|storm", message = "must be clear, rain or storm") String weather,
        @Nullable String placedAt) {
}
