package dev.forkcast.api.admin;

import dev.forkcast.api.models.AliasHistoryView;
import dev.forkcast.api.models.ModelService;
import dev.forkcast.ml.registry.Alias;
import dev.forkcast.ml.registry.ModelKind;
import dev.forkcast.ml.registry.ModelRegistry;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;

/**
 * Points a model's champion at a version chosen by a person: a promotion the rule did not make, or a roll-back
 * to an older version. The move is recorded in the alias history with the person's reason, like the rule's.
 */
@Singleton
public class AdminService {

    private final ModelRegistry registry;
    private final ModelService models;

    public AdminService(ModelRegistry registry, ModelService models) {
        this.registry = registry;
        this.models = models;
    }

    /** Moves the champion and returns the move as the history now records it. */
    public AliasHistoryView.Move makeChampion(ModelKind kind, int version, String reason) throws SQLException {
        models.existing(kind, version);
        registry.assign(kind, Alias.CHAMPION, version, "by an admin: " + reason.strip());
        List<AliasHistoryView.Move> history = models.history(kind).history();
        return history.get(history.size() - 1);
    }
}
