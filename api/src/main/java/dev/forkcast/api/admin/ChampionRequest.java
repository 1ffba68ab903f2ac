package dev.forkcast.api.admin;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** {@code {"version": 3, "reason": "v4 over-predicts on rainy evenings"}}: which version serves, and why. */
@Serdeable
public record ChampionRequest(@NotNull @Positive Integer version, @NotBlank @Size(max = 500) String reason) {
}
