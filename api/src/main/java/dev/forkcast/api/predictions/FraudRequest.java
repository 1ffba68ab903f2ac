package dev.forkcast.api.predictions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * One order to score for fraud: {@code {"customerId":"cu_0042","restaurantId":"rest_0007","deviceId":"dev_9",
 * "basketValueCents":8900,"deliveryLat":52.09,"deliveryLon":5.12,"cardCountry":"NL","promoCode":"WELCOME10",
 * "placedAt":"2025-03-09T02:30:00Z"}}.
 *
 * @param deviceId the device the order comes from; left out = the account's signup device
 * @param cardCountry the paying card's issuing country, two letters (ISO 3166-1 alpha-2)
 * @param promoCode the promo or referral code used, if any (only its presence is a feature)
 * @param placedAt an ISO-8601 instant; left out = now. Text, not {@code Instant}, so a bad one is answered
 *                 as a 400 naming {@code placedAt}
 */
@Serdeable
public record FraudRequest(
        @NotBlank @Size(max = 100) String customerId,
        @NotBlank @Size(max = 100) String restaurantId,
        @Nullable @Size(max = 100) String deviceId,
        @NotNull @PositiveOrZero Long basketValueCents,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double deliveryLat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double deliveryLon,
        @NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "must be two letters, like NL") String cardCountry,
        @Nullable @Size(max = 100) String promoCode,
        @Nullable String placedAt) {
}
