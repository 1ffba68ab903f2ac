package dev.forkcast.ml.evaluation;

import java.util.Arrays;

/**
 * The rows seen from the highest score down: at each distinct score t, how many positives and how many
 * negatives score at or above t. Every ranking metric and every threshold choice in this package is a
 * walk over these few arrays.
 *
 * <p>Rows with the same score are one step, never split: a model that gives two orders the same score
 * has not said which is riskier, so no metric may pretend it did (the order rows happen to arrive in
 * must not change a result).
 */
final class ThresholdSweep {

    /** Distinct scores, highest first. */
    final double[] thresholds;
    final long[] positivesAtOrAbove;
    final long[] negativesAtOrAbove;
    final long positives;
    final long negatives;

    private ThresholdSweep(double[] thresholds, long[] positivesAtOrAbove, long[] negativesAtOrAbove) {
        this.thresholds = thresholds;
        this.positivesAtOrAbove = positivesAtOrAbove;
        this.negativesAtOrAbove = negativesAtOrAbove;
        int last = thresholds.length - 1;
        this.positives = last < 0 ? 0 : positivesAtOrAbove[last];
        this.negatives = last < 0 ? 0 : negativesAtOrAbove[last];
    }

    static ThresholdSweep of(double[] scores, boolean[] labels) {
        Inputs.requireSameLength("scores", scores.length, "labels", labels.length);
        Inputs.requireRows(scores.length);
        Inputs.requireFinite("scores", scores);

        // Sorting the positives' and the negatives' scores apart keeps everything in primitive arrays
        // (no boxed Integer indices); merging the two sorted arrays from the top gives the sweep.
        double[] positiveScores = scoresWhere(scores, labels, true);
        double[] negativeScores = scoresWhere(scores, labels, false);
        Arrays.sort(positiveScores);
        Arrays.sort(negativeScores);

        double[] thresholds = new double[scores.length];
        long[] positivesAtOrAbove = new long[scores.length];
        long[] negativesAtOrAbove = new long[scores.length];
        int p = positiveScores.length - 1;
        int n = negativeScores.length - 1;
        int steps = 0;
        long positivesSoFar = 0;
        long negativesSoFar = 0;
        while (p >= 0 || n >= 0) {
            double threshold = p < 0 ? negativeScores[n]
                    : n < 0 ? positiveScores[p]
                    : Math.max(positiveScores[p], negativeScores[n]);
            while (p >= 0 && positiveScores[p] == threshold) {
                p--;
                positivesSoFar++;
            }
            while (n >= 0 && negativeScores[n] == threshold) {
                n--;
                negativesSoFar++;
            }
            thresholds[steps] = threshold;
            positivesAtOrAbove[steps] = positivesSoFar;
            negativesAtOrAbove[steps] = negativesSoFar;
            steps++;
        }
        return new ThresholdSweep(Arrays.copyOf(thresholds, steps), Arrays.copyOf(positivesAtOrAbove, steps),
                Arrays.copyOf(negativesAtOrAbove, steps));
    }

    int steps() {
        return thresholds.length;
    }

    private static double[] scoresWhere(double[] scores, boolean[] labels, boolean label) {
        int count = 0;
        for (boolean each : labels) {
            if (each == label) {
                count++;
            }
        }
        double[] picked = new double[count];
        int next = 0;
        for (int row = 0; row < scores.length; row++) {
            if (labels[row] == label) {
                picked[next++] = scores[row];
            }
        }
        return picked;
    }
}
