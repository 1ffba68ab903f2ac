package dev.forkcast.api.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** One {@code ./forkcast train} run: when, which code, how it ended, and the names of its report files. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TrainingRun(String runId, Instant startedAt, @Nullable Instant finishedAt, String status,
                          String codeVersion, @Nullable String error, List<String> files) {

    /** The training runs, newest first. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Runs(List<TrainingRun> runs) {
    }
}
