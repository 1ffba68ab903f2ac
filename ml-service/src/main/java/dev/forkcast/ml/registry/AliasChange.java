package dev.forkcast.ml.registry;

import java.time.Instant;

/** One line of alias history: from {@code assignedAt}, {@code alias} pointed at {@code version}, because {@code reason}. */
public record AliasChange(ModelKind kind, Alias alias, int version, Instant assignedAt, String reason) {
}
