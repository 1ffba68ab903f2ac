package dev.forkcast.ml.datasets;

import dev.forkcast.warehouse.features.Feature;
import dev.forkcast.warehouse.features.FeatureCatalogue;
import dev.forkcast.warehouse.features.FeatureCatalogue.FeatureTable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
        requireRow(table, values);
        List<Feature> features = table.features();
        Names names = Names.of(table);
        List<org.tribuo.Feature> out = new ArrayList<>(features.size() + 2);
        for (int i = 0; i < values.length; i++) {
            Feature feature = features.get(i);
            Object value = values[i];
            if (value == null) {
                out.add(new org.tribuo.Feature(names.missing[i], 1.0));
                continue;
            }
            switch (feature.kind()) {
                case NUMERIC -> out.add(new org.tribuo.Feature(names.plain[i], number(feature, value)));
                case BOOLEAN -> out.add(new org.tribuo.Feature(names.plain[i], bool(feature, value) ? 1.0 : 0.0));
                case CATEGORICAL -> out.add(new org.tribuo.Feature(names.category(i, value), 1.0));
                default -> throw new IllegalStateException("unknown kind " + feature.kind());
            }
        }
        return out;
    }

    /** Refuses a row that does not hold one value per feature of {@code table}. */
    static void requireRow(FeatureTable table, Object[] values) {
        if (values.length != table.features().size()) {
            throw new IllegalArgumentException(table.table() + " has " + table.features().size()
                    + " features, the row has " + values.length + " values");
        }
    }

    /**
     * The model's feature names of one table, made once. Serving builds an example per request: a new
     * {@code name + ".missing"} string each time cost an allocation, and the model then hashed that fresh
     * string again to find its column. The same string objects keep their hash (Java caches it per string).
     */
    private static final class Names {

        /** Categories are cached up to this many values per feature; past that (an odd input) they are built. */
        private static final int MAX_CACHED_CATEGORIES = 64;
        /** The catalogue's own tables, prepared when the class loads and only read afterwards. */
        private static final Map<FeatureTable, Names> CATALOGUE = new IdentityHashMap<>();

        static {
            for (FeatureTable table : FeatureCatalogue.TABLES) {
                CATALOGUE.put(table, new Names(table));
            }
        }

        private final String[] plain;
        private final String[] missing;
        private final List<Map<Object, String>> categories;

        private Names(FeatureTable table) {
            List<Feature> features = table.features();
            plain = new String[features.size()];
            missing = new String[features.size()];
            categories = new ArrayList<>(features.size());
            for (int i = 0; i < plain.length; i++) {
                plain[i] = features.get(i).name();
                missing[i] = plain[i] + MISSING;
                categories.add(new ConcurrentHashMap<>());
            }
        }

        /** A table made elsewhere (tests) is prepared on each call; the catalogue's are looked up. */
        static Names of(FeatureTable table) {
            Names names = CATALOGUE.get(table);
            return names != null ? names : new Names(table);
        }

        String category(int i, Object value) {
            Map<Object, String> known = categories.get(i);
            String name = known.get(value);
            if (name == null) {
                name = plain[i] + "=" + value;
                if (known.size() < MAX_CACHED_CATEGORIES) {
                    known.putIfAbsent(value, name);
                }
            }
            return name;
        }
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
