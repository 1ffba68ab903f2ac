package dev.forkcast.api.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.forkcast.ml.registry.AliasChange;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** Every alias move of one model, oldest first: which version served as champion from when, and why. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AliasHistoryView(String model, List<Move> history) {

    @Serdeable

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Move(String alias, int version, Instant assignedAt, String reason) {

        static Move of(AliasChange change) {
            return new Move(change.alias().sqlName(), change.version(), change.assignedAt(), change.reason());
        }
    }
}
