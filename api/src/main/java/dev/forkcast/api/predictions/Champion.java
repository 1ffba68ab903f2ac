package dev.forkcast.api.predictions;

import dev.forkcast.ml.registry.Alias;
import dev.forkcast.ml.registry.ModelKind;
import dev.forkcast.ml.registry.ModelRegistry;
import dev.forkcast.api.errors.ApiException;
import io.micronaut.http.HttpStatus;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * A model's champion predictor, loaded once and reloaded when the {@code champion} alias moves. Each call asks
 * the registry which version the alias points at (one primary-key read, no model bytes) and loads only when that
 * differs from the one held. Checking on every request rather than every 30 s keeps it simple and exact: an
 * admin's roll-back serves from the very next request, and the check costs far less than the feature lookup the
 * same request makes anyway. The check runs outside the lock; only a reload is serialised.
 *
 * @param <P> the predictor type
 */
class Champion<P> {

    /** Loads the champion's predictor from the registry. */
    interface Loader<P> {
        Optional<P> load(ModelRegistry registry) throws SQLException;
    }

    private final ModelRegistry registry;
    private final ModelKind kind;
    private final Loader<P> loader;
    private final ToIntFunction<P> versionOf;
    private volatile P held;

    Champion(ModelRegistry registry, ModelKind kind, Loader<P> loader, ToIntFunction<P> versionOf) {
        this.registry = registry;
        this.kind = kind;
        this.loader = loader;
        this.versionOf = versionOf;
    }

    /** The champion's predictor; without one, a 503 that says how to get one. */
    P required() throws SQLException {
        return current().orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null,
                "there is no " + kind.registryName() + " champion yet: run ./forkcast train"));
    }

    /** The champion's predictor, or empty when there is no champion yet. */
    Optional<P> current() throws SQLException {
        Optional<Integer> version = registry.aliasedVersion(kind, Alias.CHAMPION);
        if (version.isEmpty()) {
            held = null;
            return Optional.empty();
        }
        P now = held;
        if (now != null && versionOf.applyAsInt(now) == version.get()) {
            return Optional.of(now);
        }
        synchronized (this) {
            now = held;
            if (now == null || versionOf.applyAsInt(now) != version.get()) {
                now = loader.load(registry).orElse(null);
                held = now;
            }
            return Optional.ofNullable(now);
        }
    }
}
