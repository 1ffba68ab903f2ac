package dev.forkcast.api.models;

import dev.forkcast.api.errors.ApiException;
import dev.forkcast.ml.registry.Alias;
import dev.forkcast.ml.registry.ModelKind;
import dev.forkcast.ml.registry.ModelRegistry;
import dev.forkcast.ml.registry.ModelVersion;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the model registry (ml-service's {@link ModelRegistry}, our repository) and shapes it for the API. */
@Singleton
public class ModelService {

    private final ModelRegistry registry;

    public ModelService(ModelRegistry registry) {
        this.registry = registry;
    }

    public List<ModelView> all() throws SQLException {
        List<ModelView> out = new ArrayList<>();
        for (ModelKind kind : ModelKind.values()) {
            out.add(one(kind));
        }
        return out;
    }

    public ModelView one(ModelKind kind) throws SQLException {
        List<ModelView.VersionLine> versions = registry.versions(kind).stream()
                .map(v -> new ModelView.VersionLine(v.version(), v.createdAt(), v.algorithm(), v.trainingRunId(),
                        v.metrics(), v.decisionThreshold()))
                .toList();
        return new ModelView(kind.registryName(), aliases(kind), versions);
    }

    public VersionView version(ModelKind kind, int version) throws SQLException {
        ModelVersion found = existing(kind, version);
        List<String> pointing = aliases(kind).entrySet().stream()
                .filter(e -> e.getValue() == version).map(Map.Entry::getKey).toList();
        return VersionView.of(found, pointing);
    }

    public AliasHistoryView history(ModelKind kind) throws SQLException {
        return new AliasHistoryView(kind.registryName(),
                registry.history(kind).stream().map(AliasHistoryView.Move::of).toList());
    }

    /** The version, or a 404 naming the path variable. */
    public ModelVersion existing(ModelKind kind, int version) throws SQLException {
        return registry.version(kind, version).orElseThrow(() -> ApiException.notFound("version",
                kind.registryName() + " has no version " + version));
    }

    /** Alias name -> version, champion first; an alias pointing nowhere is left out. */
    private Map<String, Integer> aliases(ModelKind kind) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Alias alias : Alias.values()) {
            Optional<ModelVersion> version = registry.aliased(kind, alias);
            version.ifPresent(v -> out.put(alias.sqlName(), v.version()));
        }
        return out;
    }
}
