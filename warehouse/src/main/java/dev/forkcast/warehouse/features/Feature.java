package dev.forkcast.warehouse.features;

/**
 * One model input, defined once: its column name in the feature table, what kind of value it is, the
 * window of history it looks at, and what it means in plain words.
 *
 * @param name the column in {@code features.<table>} and the feature name the models see
 * @param kind how a model should treat it
 * @param window the history it summarises, or {@link FeatureWindows#REQUEST} when it comes from the order itself
 * @param meaning one sentence a learner understands
 */
public record Feature(String name, Kind kind, String window, String meaning) {

    /** How a model treats the value. */
    public enum Kind {
        /** A number (counts, minutes, km, ratios). */
        NUMERIC,
        /** One of a few labels (weather); models one-hot encode it. */
        CATEGORICAL,
        /** True or false; models see 1 or 0. */
        BOOLEAN
    }
}
