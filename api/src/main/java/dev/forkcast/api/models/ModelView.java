package dev.forkcast.api.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One model as the API shows it: its aliases and a line per version (everything but the bytes). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ModelView(String name, Map<String, Integer> aliases, List<VersionLine> versions) {

    /** One version in a list: enough to choose which one to look at. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record VersionLine(int version, Instant createdAt, String algorithm, String trainingRunId,
                              Map<String, Double> metrics, @Nullable Double decisionThreshold) {
    }

    /** The models, as {@code GET /api/v1/models} answers. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Models(List<ModelView> models) {
    }
}
