package dev.forkcast.ml.evaluation;

/**
 * Turning fraud scores into a decision: block the order when its score is at or above a threshold.
 * Which threshold? The one whose mistakes cost least, given what each mistake costs
 * ({@link DecisionCosts}). Not 0.5: a score of 0.3 on an order where a miss costs eight times a false
 * alarm is worth blocking.
 *
 * <p>Choose the threshold on validation days with {@link #choose}, then judge it on test days with
 * {@link #evaluate}. Choosing on the test days would report a cost no real deployment can reach,
 * because the real threshold has to be fixed before the future arrives.
 */
public final class ThresholdChoice {

    private ThresholdChoice() {
    }

    /**
     * Tries "block nothing" and then every distinct score as a threshold, and returns the one with the
     * lowest total cost. Only the distinct scores need trying: between two of them no decision
     * changes. When two thresholds cost the same, the higher one wins, because blocking fewer orders
     * is the kinder mistake to make when the numbers cannot tell them apart.
     *
     * @return the cheapest threshold; {@link Double#POSITIVE_INFINITY} when blocking nothing is cheapest
     */
    public static Threshold choose(double[] scores, boolean[] labels, DecisionCosts costs) {
        ThresholdSweep sweep = ThresholdSweep.of(scores, labels);
        long orders = scores.length;

        Threshold cheapest = Threshold.of(Double.POSITIVE_INFINITY, 0, 0, sweep.positives, orders, costs);
        for (int step = 0; step < sweep.steps(); step++) {
            Threshold candidate = Threshold.of(sweep.thresholds[step], sweep.positivesAtOrAbove[step],
                    sweep.negativesAtOrAbove[step], sweep.positives, orders, costs);
            // Strictly cheaper only: the sweep goes from high thresholds to low, so a tie keeps the higher one.
            if (candidate.expectedCostPerOrder() < cheapest.expectedCostPerOrder()) {
                cheapest = candidate;
            }
        }
        return cheapest;
    }

    /**
     * What a threshold chosen earlier costs on other data: blocks every order with score &gt;= threshold.
     * Pass {@link Double#POSITIVE_INFINITY} to see what blocking nothing costs.
     */
    public static Threshold evaluate(double[] scores, boolean[] labels, DecisionCosts costs, double threshold) {
        Inputs.requireSameLength("scores", scores.length, "labels", labels.length);
        Inputs.requireRows(scores.length);
        Inputs.requireFinite("scores", scores);
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN; use Double.POSITIVE_INFINITY to block nothing");
        }

        long fraud = 0;
        long caughtFraud = 0;
        long blockedHonest = 0;
        for (int row = 0; row < scores.length; row++) {
            boolean blocked = scores[row] >= threshold;
            if (labels[row]) {
                fraud++;
                if (blocked) {
                    caughtFraud++;
                }
            } else if (blocked) {
                blockedHonest++;
            }
        }
        return Threshold.of(threshold, caughtFraud, blockedHonest, fraud, scores.length, costs);
    }
}
