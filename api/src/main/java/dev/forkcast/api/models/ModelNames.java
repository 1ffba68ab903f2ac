package dev.forkcast.api.models;

import dev.forkcast.api.errors.ApiException;
import dev.forkcast.ml.registry.ModelKind;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A model name from a URL, as the registry's {@link ModelKind}, or a 404 that lists the names that exist. */
public final class ModelNames {

    private ModelNames() {
    }

    public static ModelKind parse(String name) {
        for (ModelKind kind : ModelKind.values()) {
            if (kind.registryName().equals(name)) {
                return kind;
            }
        }
        String known = Arrays.stream(ModelKind.values()).map(ModelKind::registryName).collect(Collectors.joining(", "));
        throw ApiException.notFound("name", "no model named '" + name + "' (known: " + known + ")");
    }
}
