package dev.forkcast.ml.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.forkcast.ml.SyntheticCity;
import dev.forkcast.ml.datasets.FeatureRow;
import dev.forkcast.ml.datasets.ModelInputs;
import dev.forkcast.ml.datasets.TribuoDatasets;
import dev.forkcast.warehouse.features.FeatureCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Tribuo;
import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer.RegressionType;

/**
 * How the golden model file was made. {@link GoldenModelTest} checks that a model written by an earlier
 * Forkcast (and Tribuo) still loads and predicts the same: the promise {@link ModelCodec}'s format 1 makes.
 * Run this only when a new format is introduced (write {@code ...-format2.*} beside the old files, never over
 * them), from the {@code ml-service} directory:
 *
 * <pre>
 *   ../mvnw -q test-compile
 *   java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" \
 *       dev.forkcast.ml.registry.GoldenModelFiles src/test/resources/golden
 * </pre>
 *
 * <p>It writes {@code delivery_time-format1.model} (the bytes {@link ModelCodec#encode} gives) and
 * {@code delivery_time-format1.json}: the feature fingerprint of the day, and three orders as the model's named
 * inputs with the minutes it predicted for them. The inputs are stored already encoded, so the golden test checks
 * the file format alone, whatever the catalogue has become since.
 */
public final class GoldenModelFiles {

    static final String MODEL_FILE = "delivery_time-format1.model";
    static final String EXPECTATIONS_FILE = "delivery_time-format1.json";

    /** Three orders in {@code FeatureCatalogue.DELIVERY_TIME} order, named as moments. */
    static final Map<String, Object[]> ORDERS = orders();

    private GoldenModelFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "src/test/resources/golden");
        Model<Regressor> model = trainTinyModel();

        List<Map<String, Object>> rows = ORDERS.entrySet().stream().map(order -> {
            Map<String, Double> inputs = new LinkedHashMap<>();
            ModelInputs.of(FeatureCatalogue.DELIVERY_TIME, order.getValue()).forEach(f -> inputs.put(f.getName(), f.getValue()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("order", order.getKey());
            row.put("inputs", inputs);
            row.put("predicted_minutes", predict(model, inputs));
            return row;
        }).toList();
        Map<String, Object> expectations = new LinkedHashMap<>();
        expectations.put("model_file", MODEL_FILE);
        expectations.put("format_version", ModelCodec.FORMAT_VERSION);
        expectations.put("feature_fingerprint", FeatureFingerprint.of(FeatureCatalogue.DELIVERY_TIME));
        expectations.put("tribuo_version", Tribuo.VERSION);
        expectations.put("made_by", GoldenModelFiles.class.getName());
        expectations.put("rows", rows);

        Files.createDirectories(directory);
        Files.write(directory.resolve(MODEL_FILE), ModelCodec.encode(model));
        Files.writeString(directory.resolve(EXPECTATIONS_FILE),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(expectations) + "\n");
        System.out.println("wrote " + directory.resolve(MODEL_FILE) + " and " + directory.resolve(EXPECTATIONS_FILE));
    }

    /** The model's minutes for one order given as named inputs (what {@link ModelInputs} made of it). */
    static double predict(Model<Regressor> model, Map<String, Double> inputs) {
        ArrayExample<Regressor> example = new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR);
        inputs.forEach(example::add);
        return model.predict(example).getOutput().getValues()[0];
    }

    /**
     * Twenty shallow trees on 600 synthetic orders. Deterministic: one thread, the exact tree method, every row
     * and column in every tree, a fixed seed.
     */
    private static Model<Regressor> trainTinyModel() {
        List<FeatureRow> rows = SyntheticCity.orders(LocalDate.of(2025, 3, 1), 3, 200, 2025).stream()
                .map(SyntheticCity.Order::deliveryRow).toList();
        XGBoostRegressionTrainer trainer = new XGBoostRegressionTrainer(BoosterType.GBTREE, TreeMethod.EXACT,
                RegressionType.LINEAR, 20, 0.3, 0, 3, 1, 1, 1, 1, 0, 1, LoggingVerbosity.SILENT, 42);
        return trainer.train(TribuoDatasets.regression(FeatureCatalogue.DELIVERY_TIME, rows, "golden: synthetic deliveries"));
    }

    private static Map<String, Object[]> orders() {
        Map<String, Object[]> orders = new LinkedHashMap<>();
        orders.put("a short trip on a clear Monday morning",
                new Object[] {9, 1, false, "clear", 1, 1200L, 0.8, 12, 4, 13.0, 0, 15, 30, 0.5});
        orders.put("a big basket across town at a rainy Friday dinner",
                new Object[] {19, 5, false, "rain", 6, 5600L, 5.5, 20, 3, 22.5, 4, 55, 20, 2.75});
        orders.put("a new restaurant in a storm with nobody on shift",
                new Object[] {23, 6, true, "storm", 3, 3000L, 3.0, 15, 2, null, 1, 12, 0, null});
        return orders;
    }
}
