package dev.forkcast.ml.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the registry knows of one model version, everything but the bytes: where it came from
 * (training run, data window, features, trainer, hyperparameters, code), how good it is (metrics on its
 * test days), and, for fraud, the score above which an order is blocked.
 */
public record ModelVersion(ModelKind kind, int version, String trainingRunId, Instant createdAt, String algorithm,
                           int formatVersion, List<String> featureNames, String featureFingerprint, String trainer,
                           Map<String, Object> hyperparameters, Map<String, Object> dataWindow, String codeVersion,
                           Map<String, Double> metrics, Double decisionThreshold, String provenance) {

    /** "delivery_time v3". */
    public String label() {
        return kind.registryName() + " v" + version;
    }
}
