package dev.forkcast.ml.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.warehouse.features.Feature;
import dev.forkcast.warehouse.features.FeatureCatalogue;
import dev.forkcast.warehouse.features.FeatureCatalogue.FeatureTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class FeatureFingerprintTest {

    private static final FeatureTable TODAY = FeatureCatalogue.DELIVERY_TIME;
    private static final String PREP = "restaurant_prep_minutes_avg_7d";

    @Test
    void theSameTableAlwaysHasTheSameFingerprint() {
        FeatureTable rebuilt = withFeatures(new ArrayList<>(TODAY.features()));

        String fingerprint = FeatureFingerprint.of(rebuilt);

        assertEquals(FeatureFingerprint.of(TODAY), fingerprint);
        assertTrue(fingerprint.matches("[0-9a-f]{24}"), fingerprint);
    }

    @Test
    void aLongerWindowChangesTheFingerprint() {
        FeatureTable fourteenDayPrep = withAltered(PREP, f -> new Feature(f.name(), f.kind(), "14 days", f.meaning()));

        String fingerprint = FeatureFingerprint.of(fourteenDayPrep);

        assertNotEquals(FeatureFingerprint.of(TODAY), fingerprint);
    }

    @Test
    void anotherKindChangesTheFingerprint() {
        FeatureTable weekdayAsCategory = withAltered("day_of_week",
                f -> new Feature(f.name(), Feature.Kind.CATEGORICAL, f.window(), f.meaning()));

        String fingerprint = FeatureFingerprint.of(weekdayAsCategory);

        assertNotEquals(FeatureFingerprint.of(TODAY), fingerprint);
    }

    @Test
    void anotherOrderChangesTheFingerprint() {
        List<Feature> swapped = new ArrayList<>(TODAY.features());
        Feature first = swapped.get(0);
        swapped.set(0, swapped.get(1));
        swapped.set(1, first);

        String fingerprint = FeatureFingerprint.of(withFeatures(swapped));

        assertNotEquals(FeatureFingerprint.of(TODAY), fingerprint);
    }

    @Test
    void anAddedFeatureChangesTheFingerprint() {
        List<Feature> more = new ArrayList<>(TODAY.features());
        more.add(new Feature("is_holiday", Feature.Kind.BOOLEAN, "request", "A public holiday."));

        String fingerprint = FeatureFingerprint.of(withFeatures(more));

        assertNotEquals(FeatureFingerprint.of(TODAY), fingerprint);
    }

    @Test
    void rewordingAMeaningKeepsTheFingerprint() {
        FeatureTable reworded = withAltered(PREP,
                f -> new Feature(f.name(), f.kind(), f.window(), "How long the kitchen took lately."));

        String fingerprint = FeatureFingerprint.of(reworded);

        assertEquals(FeatureFingerprint.of(TODAY), fingerprint);
    }

    /** Today's delivery-time table with the feature called {@code name} replaced by {@code change} of it. */
    private static FeatureTable withAltered(String name, UnaryOperator<Feature> change) {
        List<Feature> features = new ArrayList<>(TODAY.features());
        int index = TODAY.featureNames().indexOf(name);
        features.set(index, change.apply(features.get(index)));
        return withFeatures(features);
    }

    private static FeatureTable withFeatures(List<Feature> features) {
        return new FeatureTable(TODAY.table(), TODAY.key(), TODAY.timeColumn(), TODAY.keyColumns(), List.copyOf(features),
                TODAY.label(), TODAY.labelMeaning());
    }
}
