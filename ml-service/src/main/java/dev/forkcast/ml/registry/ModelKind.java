package dev.forkcast.ml.registry;

import dev.forkcast.warehouse.features.FeatureCatalogue;
import dev.forkcast.warehouse.features.FeatureCatalogue.FeatureTable;

/** The two models Forkcast trains, each with its registry name and the feature table it reads. */
public enum ModelKind {
    DELIVERY_TIME("delivery_time", FeatureCatalogue.DELIVERY_TIME),
    FRAUD("fraud", FeatureCatalogue.FRAUD);

    private final String registryName;
    private final FeatureTable table;

    ModelKind(String registryName, FeatureTable table) {
        this.registryName = registryName;
        this.table = table;
    }

    /** The name in {@code ml.model_versions.model_name}. */
    public String registryName() {
        return registryName;
    }

    public FeatureTable table() {
        return table;
    }

    /** The kind called {@code name} in the registry. */
    public static ModelKind fromRegistryName(String name) {
        for (ModelKind kind : values()) {
            if (kind.registryName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "' (known: delivery_time, fraud)");
    }
}
