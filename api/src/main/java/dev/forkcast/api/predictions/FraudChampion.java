package dev.forkcast.api.predictions;

import dev.forkcast.ml.predictions.FraudPredictor;
import dev.forkcast.ml.registry.ModelKind;
import dev.forkcast.ml.registry.ModelRegistry;
import jakarta.inject.Singleton;

/** The fraud champion the fraud route serves with (see {@link Champion}). */
@Singleton
class FraudChampion extends Champion<FraudPredictor> {

    FraudChampion(ModelRegistry registry) {
        super(registry, ModelKind.FRAUD, FraudPredictor::champion, FraudPredictor::version);
    }
}
