package dev.forkcast.api.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** One ETL run: when, in which mode, how many raw rows it read and how it ended. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PipelineRun(long runId, String job, String mode, Instant startedAt, @Nullable Instant finishedAt,
                          String status, @Nullable Long rawRowsRead, @Nullable String error) {

    /** The latest runs, newest first. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Runs(List<PipelineRun> runs) {
    }
}
