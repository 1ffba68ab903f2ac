package dev.forkcast.api.predictions;

import dev.forkcast.ml.predictions.FraudPredictor;
import dev.forkcast.ml.registry.Alias;
import dev.forkcast.ml.registry.ModelKind;
import dev.forkcast.ml.registry.ModelRegistry;
import dev.forkcast.ml.registry.ModelVersion;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The fraud champion, loaded once and reloaded when the {@code champion} alias moves: the same per-request
 * check as {@link DeliveryTimeChampion} (two primary-key reads, no model bytes unless the alias moved).
 */
@Singleton
class FraudChampion {

    private final ModelRegistry registry;
    private FraudPredictor held;

    FraudChampion(ModelRegistry registry) {
        this.registry = registry;
    }

    /** The champion's predictor, or empty when there is no champion yet. */
    synchronized Optional<FraudPredictor> current() throws SQLException {
        Optional<Integer> version = registry.aliased(ModelKind.FRAUD, Alias.CHAMPION).map(ModelVersion::version);
        if (version.isEmpty()) {
            held = null;
            return Optional.empty();
        }
        if (held == null || held.version() != version.get()) {
            held = FraudPredictor.champion(registry).orElse(null);
        }
        return Optional.ofNullable(held);
    }
}
