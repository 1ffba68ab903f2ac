package dev.forkcast.api.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** One data-quality check of one run: where, what kind, how serious, passed or not, how many rows failed. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record QualityResult(String checkName, String layer, String tableName, String kind, String severity,
                            boolean passed, long failingRows, @Nullable String detail, Instant checkedAt) {

    /** A run's checks, by name. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Checks(long runId, List<QualityResult> checks) {
    }
}
