package dev.forkcast.api.predictions;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code {"orders":[...]}}: up to a thousand orders scored in one call, in the same order. */
@Serdeable
public record FraudBatchRequest(@NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid FraudRequest> orders) {
}
