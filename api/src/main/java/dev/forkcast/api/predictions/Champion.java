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
 * A model's champion predictor, loaded once and reloaded when the {@code champion} alias moves. Each call learns
 * from the registry which version the alias points at (one primary-key read, no model bytes) and loads only when
 * that differs from the one held. Checking for every request rather than every 30 s keeps it exact: an admin's
 * roll-back serves from the very next request. Concurrent requests share the check through {@link FreshRead}: each
 * gets the answer of a read that started after it arrived, so under load one round trip serves every request that
 * came in during the previous one (a read per request queued 32 connections' requests on the pool: the benchmark's
 * bottleneck). Only a reload is serialised.
 *
 * @param <P> the predictor type
 */
class Champion<P> {

    /** Loads the champion's predictor from the registry. */
    interface Loader<P> {
        Optional<P> load(ModelRegistry registry) throws SQLException;
    }

    /**
     * The least time between two champion checks' starts (see {@link FreshRead}, which the batch routes and fraud
     * use): at most 4,000 checks a second however busy the server, and at most 0.25 ms of waiting for a request that
     * arrives just after one started (the single delivery route's {@link ScoringRounds} needs no pace).
     */
    static final long READ_PACE_NANOS = 250_000;

    private final ModelRegistry registry;
    private final ModelKind kind;
    private final FreshRead<Optional<Integer>> aliasedVersion;
    private final Loader<P> loader;
    private final ToIntFunction<P> versionOf;
    private volatile P held;

    Champion(ModelRegistry registry, ModelKind kind, Loader<P> loader, ToIntFunction<P> versionOf) {
        this.registry = registry;
        this.kind = kind;
        this.aliasedVersion = new FreshRead<>(() -> registry.aliasedVersion(kind, Alias.CHAMPION), READ_PACE_NANOS,
                Pace.Clock.SYSTEM);
        this.loader = loader;
        this.versionOf = versionOf;
    }

    /** The champion's predictor; without one, a 503 that says how to get one. */
    P required() throws SQLException {
        return orUnavailable(current());
    }

    /**
     * As {@link #required()}, from a read of the alias this call makes at once, alone: for a caller that already
     * gathers requests and bounds its reads itself ({@link ScoringRounds}).
     */
    P requiredFromOwnRead() throws SQLException {
        return orUnavailable(resolve(registry.aliasedVersion(kind, Alias.CHAMPION)));
    }

    private P orUnavailable(Optional<P> predictor) {
        return predictor.orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null,
                "there is no " + kind.registryName() + " champion yet: run ./forkcast train"));
    }

    /** The champion's predictor, or empty when there is no champion yet. */
    Optional<P> current() throws SQLException {
        return resolve(aliasedVersion.get());
    }

    /** The predictor of the version the alias was read to point at, loaded when it is not the one held. */
    private Optional<P> resolve(Optional<Integer> version) throws SQLException {
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
