package dev.forkcast.ml.datasets;

import dev.forkcast.warehouse.features.FeatureCatalogue;
import dev.forkcast.warehouse.features.FeatureCatalogue.FeatureTable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Feature rows as Tribuo datasets and examples. Every example is built by {@link ModelInputs}, the
 * function the API uses too.
 */
public final class TribuoDatasets {

    /** The name of the delivery model's single output dimension. */
    public static final String MINUTES = "delivery_minutes";
    /** The fraud model's two labels. */
    public static final String FRAUD = "fraud";
    public static final String HONEST = "honest";

    private static final RegressionFactory REGRESSION = new RegressionFactory();
    private static final LabelFactory LABELS = new LabelFactory();

    private TribuoDatasets() {
    }

    /**
     * A regression dataset; {@code description} goes into the model's provenance (say which table and
     * days), so a model can always tell what it learned from.
     */
    public static MutableDataset<Regressor> regression(FeatureTable table, List<FeatureRow> rows, String description) {
        MutableDataset<Regressor> dataset = new MutableDataset<>(provenance(description, REGRESSION), REGRESSION);
        for (FeatureRow row : rows) {
            dataset.add(example(table, row.values(), new Regressor(MINUTES, row.label()), 1f));
        }
        return dataset;
    }

    /**
     * The delivery model's dataset: each order labelled with what it took beyond the platform's plan
     * ({@link PlanEstimate#correction}), under the output name {@link PlanEstimate#TARGET}, so the model
     * itself records that its output is a correction.
     */
    public static MutableDataset<Regressor> deliveryCorrections(List<FeatureRow> rows, String description) {
        FeatureTable table = FeatureCatalogue.DELIVERY_TIME;
        MutableDataset<Regressor> dataset = new MutableDataset<>(provenance(description, REGRESSION), REGRESSION);
        for (FeatureRow row : rows) {
            Regressor correction = new Regressor(PlanEstimate.TARGET, PlanEstimate.correction(row.label(), row.values()));
            dataset.add(example(table, row.values(), correction, 1f));
        }
        return dataset;
    }

    /**
     * A fraud dataset where each fraud example weighs {@code fraudWeight} honest ones: with ~2% fraud an
     * unweighted model can do well on its loss by mostly ignoring fraud (see He &amp; Garcia, "Learning from
     * Imbalanced Data", 2009).
     */
    public static MutableDataset<Label> classification(FeatureTable table, List<FeatureRow> rows, String description,
                                                       float fraudWeight) {
        MutableDataset<Label> dataset = new MutableDataset<>(provenance(description, LABELS), LABELS);
        for (FeatureRow row : rows) {
            boolean fraud = row.isPositive();
            dataset.add(example(table, row.values(), new Label(fraud ? FRAUD : HONEST), fraud ? fraudWeight : 1f));
        }
        return dataset;
    }

    /** An example to predict the delivery minutes of (its output unknown). */
    public static Example<Regressor> deliveryExample(FeatureTable table, Object[] values) {
        return example(table, values, RegressionFactory.UNKNOWN_REGRESSOR, 1f);
    }

    /** An example to score for fraud (its label unknown). */
    public static Example<Label> fraudExample(FeatureTable table, Object[] values) {
        return example(table, values, LabelFactory.UNKNOWN_LABEL, 1f);
    }

    private static <T extends org.tribuo.Output<T>> Example<T> example(FeatureTable table, Object[] values, T output,
                                                                       float weight) {
        ArrayExample<T> example = new ArrayExample<>(output, weight);
        // All at once: add() keeps the features sorted by name after every single feature, addAll() sorts once.
        example.addAll(ModelInputs.of(table, values));
        return example;
    }

    private static <T extends org.tribuo.Output<T>> SimpleDataSourceProvenance provenance(
            String description, org.tribuo.OutputFactory<T> factory) {
        return new SimpleDataSourceProvenance(description, OffsetDateTime.now(ZoneOffset.UTC), factory);
    }
}
