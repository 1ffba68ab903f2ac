package dev.forkcast.api.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.forkcast.ml.registry.ModelVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the registry knows of one version but its bytes: how good it is, what it learned from, who
 * trained it with which settings and which code, Tribuo's provenance, and the aliases pointing at it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VersionView(String model, int version, Instant createdAt, String trainingRunId, String algorithm,
                          String trainer, Map<String, Object> hyperparameters, Map<String, Object> dataWindow,
                          List<String> featureNames, String featureFingerprint, int formatVersion, String codeVersion,
                          Map<String, Double> metrics, @Nullable Double decisionThreshold, List<String> aliases,
                          String provenance) {

    static VersionView of(ModelVersion v, List<String> aliases) {
        return new VersionView(v.kind().registryName(), v.version(), v.createdAt(), v.trainingRunId(), v.algorithm(),
                v.trainer(), v.hyperparameters(), v.dataWindow(), v.featureNames(), v.featureFingerprint(),
                v.formatVersion(), v.codeVersion(), v.metrics(), v.decisionThreshold(), aliases, v.provenance());
    }
}
