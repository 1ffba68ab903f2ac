package dev.forkcast.api.predictions;

import dev.forkcast.ml.predictions.DeliveryTimePredictor;
import dev.forkcast.ml.registry.ModelKind;
import dev.forkcast.ml.registry.ModelRegistry;
import jakarta.inject.Singleton;

/** The delivery-time champion the delivery route serves with (see {@link Champion}). */
@Singleton
class DeliveryTimeChampion extends Champion<DeliveryTimePredictor> {

    DeliveryTimeChampion(ModelRegistry registry) {
        super(registry, ModelKind.DELIVERY_TIME, DeliveryTimePredictor::champion, DeliveryTimePredictor::version);
    }
}
