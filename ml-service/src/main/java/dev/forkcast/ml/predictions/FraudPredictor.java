package dev.forkcast.ml.predictions;

import dev.forkcast.ml.datasets.TribuoDatasets;
import dev.forkcast.ml.registry.Alias;
import dev.forkcast.ml.registry.LoadedModel;
import dev.forkcast.ml.registry.ModelKind;
import dev.forkcast.ml.registry.ModelRegistry;
import dev.forkcast.ml.training.FraudModels;
import dev.forkcast.warehouse.features.FeatureCatalogue;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.tribuo.classification.Label;

/**
 * Fraud scores from one registered version, with the version's decision threshold and the reasons
 * behind each score ({@link Occlusion}).
 */
public final class FraudPredictor {

    /** How many reasons an answer carries: enough to explain, few enough to read. */
    public static final int REASONS = 3;

    private final LoadedModel<Label> loaded;
    private final double threshold;

    public FraudPredictor(LoadedModel<Label> loaded) {
        this.loaded = loaded;
        ModelThreads.forServing(loaded.model());
        Double chosen = loaded.version().decisionThreshold();
        if (chosen == null) {
            throw new IllegalArgumentException(loaded.version().label() + " has no decision threshold: retrain it");
        }
        this.threshold = chosen;
    }

    public static Optional<FraudPredictor> champion(ModelRegistry registry) throws SQLException {
        return registry.loadAliased(ModelKind.FRAUD, Alias.CHAMPION, Label.class).map(FraudPredictor::new);
    }

    public int version() {
        return loaded.version().version();
    }

    public FraudPrediction predict(Object[] values) {
        double score = score(values);
        List<Reason> reasons = Occlusion.reasons(FeatureCatalogue.FRAUD.featureNames(), values, this::score, REASONS);
        return new FraudPrediction(score, score >= threshold, threshold, reasons, version(),
                DeliveryTimePredictor.named(FeatureCatalogue.FRAUD.featureNames(), values));
    }

    private double score(Object[] values) {
        return FraudModels.fraudScore(loaded.model().predict(TribuoDatasets.fraudExample(FeatureCatalogue.FRAUD, values)));
    }
}
