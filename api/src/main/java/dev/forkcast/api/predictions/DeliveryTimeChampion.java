package dev.forkcast.api.predictions;

import dev.forkcast.ml.predictions.DeliveryTimePredictor;
import dev.forkcast.ml.registry.Alias;
import dev.forkcast.ml.registry.ModelKind;
import dev.forkcast.ml.registry.ModelRegistry;
import dev.forkcast.ml.registry.ModelVersion;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The delivery champion, loaded once and reloaded when the {@code champion} alias moves. Each call asks the
 * registry which version the alias points at (two primary-key reads, no model bytes) and loads only when that
 * differs from the one held. Checking on every request rather than every 30 s keeps it simple and exact: an
 * admin's roll-back serves from the very next request, and the check costs far less than the feature lookup
 * the same request makes anyway.
 */
@Singleton
class DeliveryTimeChampion {

    private final ModelRegistry registry;
    private DeliveryTimePredictor held;

    DeliveryTimeChampion(ModelRegistry registry) {
        this.registry = registry;
    }

    /** The champion's predictor, or empty when there is no champion yet. */
    synchronized Optional<DeliveryTimePredictor> current() throws SQLException {
        Optional<Integer> version = registry.aliased(ModelKind.DELIVERY_TIME, Alias.CHAMPION).map(ModelVersion::version);
        if (version.isEmpty()) {
            held = null;
            return Optional.empty();
        }
        if (held == null || held.version() != version.get()) {
            held = DeliveryTimePredictor.champion(registry).orElse(null);
        }
        return Optional.ofNullable(held);
    }
}
