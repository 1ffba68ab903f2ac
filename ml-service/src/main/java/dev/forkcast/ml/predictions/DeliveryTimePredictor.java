package dev.forkcast.ml.predictions;

import dev.forkcast.ml.registry.Alias;
import dev.forkcast.ml.registry.LoadedModel;
import dev.forkcast.ml.registry.ModelKind;
import dev.forkcast.ml.registry.ModelRegistry;
import dev.forkcast.ml.training.DeliveryTimeModels;
import dev.forkcast.warehouse.features.FeatureCatalogue;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.regression.Regressor;

/**
 * Delivery-time predictions from one registered version: the values of {@code features.delivery_time}'s
 * features in catalogue order in, minutes with an 80% range out. The range comes from the version's own
 * errors on its test days (10th and 90th percentile of actual minus predicted), so it is as wide as the
 * model has shown itself to be wrong.
 */
public final class DeliveryTimePredictor {

    /** The 10th/90th percentile of a normal distribution, in standard deviations: the fallback range. */
    private static final double Z_80 = 1.2816;

    private final LoadedModel<Regressor> loaded;
    private final double errorLow;
    private final double errorHigh;

    public DeliveryTimePredictor(LoadedModel<Regressor> loaded) {
        this.loaded = loaded;
        ModelThreads.forServing(loaded.model());
        Map<String, Double> metrics = loaded.version().metrics();
        double rmse = metrics.getOrDefault("test_rmse", Double.NaN);
        // Versions registered before the percentiles were recorded: a normal range of the test RMSE.
        this.errorLow = metrics.getOrDefault("test_error_p10", -Z_80 * rmse);
        this.errorHigh = metrics.getOrDefault("test_error_p90", Z_80 * rmse);
    }

    /** The champion's predictor, if a champion exists. */
    public static Optional<DeliveryTimePredictor> champion(ModelRegistry registry) throws SQLException {
        return registry.loadAliased(ModelKind.DELIVERY_TIME, Alias.CHAMPION, Regressor.class).map(DeliveryTimePredictor::new);
    }

    public int version() {
        return loaded.version().version();
    }

    public DeliveryTimePrediction predict(Object[] values) {
        return predictAll(List.<Object[]>of(values)).get(0);
    }

    /** Many orders in one call (the model scores them together). */
    public List<DeliveryTimePrediction> predictAll(List<Object[]> rows) {
        double[] all = DeliveryTimeModels.minutes(loaded.model(), rows);
        return java.util.stream.IntStream.range(0, rows.size()).mapToObj(i -> {
            double minutes = all[i];
            return new DeliveryTimePrediction(minutes, Math.max(0, minutes + errorLow), minutes + errorHigh, version(),
                    named(FeatureCatalogue.DELIVERY_TIME.featureNames(), rows.get(i)));
        }).toList();
    }

    static Map<String, Object> named(List<String> names, Object[] values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), values[i]);
        }
        return out;
    }
}
