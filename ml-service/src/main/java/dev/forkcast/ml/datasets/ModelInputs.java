package dev.forkcast.ml.datasets;

import dev.forkcast.warehouse.features.Feature;
import dev.forkcast.warehouse.features.FeatureCatalogue.FeatureTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a row of catalogue values into the named numbers a Tribuo model reads. The trainer and the API
 * call this same function, so a model never sees its inputs encoded two different ways (the classic
 * training/serving skew).
 *
 * <ul>
 *   <li>a number becomes itself; a boolean 1 or 0;</li>
 *   <li>a category becomes one-hot: {@code weather=rain} = 1 (a category the model never saw is simply
 *       no feature it knows, so it falls back to its "other" branch);</li>
 *   <li>an unknown value ({@code NULL}) becomes the indicator {@code <name>.missing} = 1 and no value:
 *       gradient-boosted trees learn where missing values should go, and a linear model gets a weight
 *       for "unknown" instead of pretending it was 0.</li>
 * </ul>
 */
public final class ModelInputs {

    /** The suffix of a missing-value indicator. */
    public static final String MISSING = ".missing";

    private ModelInputs() {
    }

    /** The model features of one row; {@code values} in the table's feature order. */
    public static List<org.tribuo.Feature> of(FeatureTable table, Object[] values) {
        List<Feature> features = table.features();
        if (values.length != features.size()) {
            throw new IllegalArgumentException(table.table() + " has " + features.size() + " features, the row has "
                    + values.length + " values");
        }
        List<org.tribuo.Feature> out = new ArrayList<>(features.size() + 2);
        for (int i = 0; i < values.length; i++) {
            Feature feature = features.get(i);
            Object value = values[i];
            if (value == null) {
                out.add(new org.tribuo.Feature(feature.name() + MISSING, 1.0));
                continue;
            }
            switch (feature.kind()) {
                case NUMERIC -> out.add(new org.tribuo.Feature(feature.name(), number(feature, value)));
                case BOOLEAN -> out.add(new org.tribuo.Feature(feature.name(), bool(feature, value) ? 1.0 : 0.0));
                case CATEGORICAL -> out.add(new org.tribuo.Feature(feature.name() + "=" + value, 1.0));
                default -> throw new IllegalStateException("unknown kind " + feature.kind());
            }
        }
        return out;
    }

    private static double number(Feature feature, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(feature.name() + " must be a number, was " + value.getClass().getSimpleName());
    }

    private static boolean bool(Feature feature, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(feature.name() + " must be true or false, was "
                + value.getClass().getSimpleName());
    }
}
