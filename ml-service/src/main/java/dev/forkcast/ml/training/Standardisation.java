package dev.forkcast.ml.training;

import dev.forkcast.warehouse.features.Feature;
import dev.forkcast.warehouse.features.FeatureCatalogue.FeatureTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.transform.Transformation;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * How the linear baselines see their inputs: every numeric feature rescaled to mean 0 and standard
 * deviation 1 on the training rows (without it, basket cents in the thousands would swamp hours and
 * kilometres in the gradient steps). Booleans, one-hot categories and missing-value indicators are 0/1
 * already and stay as they are. The transformation is stored inside the model, so serving applies the
 * same scaling.
 */
final class Standardisation {

    private Standardisation() {
    }

    static TransformationMap of(FeatureTable table) {
        Map<String, List<Transformation>> perFeature = new LinkedHashMap<>();
        for (Feature feature : table.features()) {
            if (feature.kind() == Feature.Kind.NUMERIC) {
                perFeature.put(feature.name(), List.of(new MeanStdDevTransformation()));
            }
        }
        return new TransformationMap(perFeature);
    }
}
