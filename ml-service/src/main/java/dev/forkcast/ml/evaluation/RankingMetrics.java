package dev.forkcast.ml.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * How well scores rank rows: do the real positives (for Forkcast: fraudulent orders) get higher scores
 * than the negatives? Only the order of the scores matters, not their size, so these metrics judge a
 * model's ranking before anyone picks a threshold (that is {@link ThresholdChoice}'s job).
 *
 * <ul>
 *   <li>{@link #prAuc}: of the rows we would flag, how many are really fraud, averaged over every recall
 *       level. Use it when positives are rare: a model that flags nothing useful scores about the
 *       positive rate (say 0.02), so the number shows how much better than guessing we are.</li>
 *   <li>{@link #rocAuc}: the chance that a random fraud scores above a random honest order. Easy to
 *       explain, but with 2% fraud a useless-looking model can still reach 0.9, because the many easy
 *       negatives dominate it. Report it beside PR-AUC, not instead.</li>
 * </ul>
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /**
     * Area under the precision-recall curve, computed as <em>average precision</em>: walk the
     * thresholds from the highest score down, and each time recall rises, add that rise times the
     * precision at that threshold. This is the step-wise sum scikit-learn's
     * {@code average_precision_score} uses; rows with tied scores enter together as one threshold.
     *
     * <p>Why not the trapezoid rule, as for ROC curves? Precision does not change linearly between two
     * points of a PR curve, and a straight line between them lies above what any threshold can
     * actually achieve, so trapezoids overstate the area (Davis &amp; Goadrich, "The Relationship
     * Between Precision-Recall and ROC Curves", ICML 2006). The step-wise sum only uses precisions that
     * some threshold really reaches.
     *
     * @throws IllegalArgumentException if there are no positives or no negatives (the area means nothing)
     */
    public static double prAuc(double[] scores, boolean[] labels) {
        ThresholdSweep sweep = ThresholdSweep.of(scores, labels);
        requireBothClasses(sweep);

        double sum = 0;
        long positivesBefore = 0;
        for (int step = 0; step < sweep.steps(); step++) {
            long truePositives = sweep.positivesAtOrAbove[step];
            long newPositives = truePositives - positivesBefore;
            if (newPositives > 0) {
                double precision = truePositives / (double) (truePositives + sweep.negativesAtOrAbove[step]);
                sum += newPositives * precision;
            }
            positivesBefore = truePositives;
        }
        return sum / sweep.positives;
    }

    /**
     * Area under the ROC curve: the probability that a randomly picked positive scores above a randomly
     * picked negative, a tie counting half (the Mann-Whitney U statistic divided by positives x
     * negatives). Computed in O(n log n): after sorting, every negative at a threshold beats-or-ties the
     * positives counted so far, instead of comparing all pairs.
     *
     * @throws IllegalArgumentException if there are no positives or no negatives
     */
    public static double rocAuc(double[] scores, boolean[] labels) {
        ThresholdSweep sweep = ThresholdSweep.of(scores, labels);
        requireBothClasses(sweep);

        double pairsWonByPositives = 0;
        long positivesAbove = 0;
        long negativesAbove = 0;
        for (int step = 0; step < sweep.steps(); step++) {
            long newPositives = sweep.positivesAtOrAbove[step] - positivesAbove;
            long newNegatives = sweep.negativesAtOrAbove[step] - negativesAbove;
            pairsWonByPositives += newNegatives * (double) positivesAbove + 0.5 * newNegatives * (double) newPositives;
            positivesAbove = sweep.positivesAtOrAbove[step];
            negativesAbove = sweep.negativesAtOrAbove[step];
        }
        return pairsWonByPositives / ((double) sweep.positives * sweep.negatives);
    }

    /** The share of rows that are positive: the PR-AUC of a model that ranks at random. */
    public static double positiveRate(boolean[] labels) {
        Inputs.requireRows(labels.length);
        long positives = 0;
        for (boolean label : labels) {
            if (label) {
                positives++;
            }
        }
        return positives / (double) labels.length;
    }

    /**
     * The precision-recall curve, one point per distinct score, highest threshold first (so recall
     * rises along the list). Draw it as steps, not as straight lines, for the reason given at
     * {@link #prAuc}.
     *
     * @throws IllegalArgumentException if there are no positives (recall would be 0 / 0)
     */
    public static List<PrPoint> prCurve(double[] scores, boolean[] labels) {
        ThresholdSweep sweep = ThresholdSweep.of(scores, labels);
        if (sweep.positives == 0) {
            throw new IllegalArgumentException("a precision-recall curve needs at least one positive label");
        }

        List<PrPoint> curve = new ArrayList<>(sweep.steps());
        for (int step = 0; step < sweep.steps(); step++) {
            long truePositives = sweep.positivesAtOrAbove[step];
            long flagged = truePositives + sweep.negativesAtOrAbove[step];
            curve.add(new PrPoint(sweep.thresholds[step], truePositives / (double) sweep.positives,
                    truePositives / (double) flagged));
        }
        return List.copyOf(curve);
    }

    private static void requireBothClasses(ThresholdSweep sweep) {
        if (sweep.positives == 0) {
            throw new IllegalArgumentException("no positive labels: an AUC needs at least one positive and one negative");
        }
        if (sweep.negatives == 0) {
            throw new IllegalArgumentException("no negative labels: an AUC needs at least one positive and one negative");
        }
    }
}
