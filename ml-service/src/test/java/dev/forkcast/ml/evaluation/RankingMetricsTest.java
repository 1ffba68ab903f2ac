package dev.forkcast.ml.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    private static final boolean T = true;
    private static final boolean F = false;
    private static final double EXACT = 1e-12;

    @Test
    void averagePrecisionAddsPrecisionAtEachFraudFound() {
        double[] scores = {0.9, 0.8, 0.7, 0.6};
        boolean[] isFraud = {T, F, T, F};

        double prAuc = RankingMetrics.prAuc(scores, isFraud);

        // The first fraud is found at precision 1/1, the second at 2/3; each is half the recall.
        assertEquals((1.0 / 1 + 2.0 / 3) / 2, prAuc, EXACT);
    }

    @Test
    void rocAucIsTheShareOfFraudHonestPairsRankedTheRightWay() {
        double[] scores = {0.9, 0.8, 0.7, 0.6};
        boolean[] isFraud = {T, F, T, F};

        double rocAuc = RankingMetrics.rocAuc(scores, isFraud);

        // Pairs (fraud, honest): (0.9, 0.8) right, (0.9, 0.6) right, (0.7, 0.8) wrong, (0.7, 0.6) right.
        assertEquals(0.75, rocAuc, EXACT);
    }

    @Test
    void aPerfectRankingScoresOneOnBoth() {
        double[] scores = {0.2, 0.95, 0.1, 0.7};
        boolean[] isFraud = {F, T, F, T};

        assertEquals(1.0, RankingMetrics.prAuc(scores, isFraud), EXACT);
        assertEquals(1.0, RankingMetrics.rocAuc(scores, isFraud), EXACT);
    }

    @Test
    void aReversedRankingScoresZeroOnRocAuc() {
        double[] scores = {0.9, 0.1};
        boolean[] isFraud = {F, T};

        assertEquals(0.0, RankingMetrics.rocAuc(scores, isFraud), EXACT);
    }

    @Test
    void tiedScoresEnterAsOneThreshold() {
        double[] scores = {0.9, 0.5, 0.5, 0.5, 0.5};
        boolean[] isFraud = {F, T, T, F, F};

        double prAuc = RankingMetrics.prAuc(scores, isFraud);
        double rocAuc = RankingMetrics.rocAuc(scores, isFraud);

        // At 0.5 both frauds arrive together with 3 flagged honest orders: precision 2/5 for all the recall.
        // Breaking the tie frauds-first would claim 0.583, honest-first 0.325; the model said neither.
        assertEquals(0.4, prAuc, EXACT);
        // Of the 6 pairs, the honest 0.9 beats both frauds; the 4 pairs tied at 0.5 count half: 2 / 6.
        assertEquals(1.0 / 3, rocAuc, EXACT);
    }

    @Test
    void theOrderOfRowsWithinATieDoesNotChangeTheAnswer() {
        double[] scores = {0.9, 0.5, 0.5, 0.5, 0.5};
        boolean[] fraudFirst = {F, T, T, F, F};
        boolean[] fraudLast = {F, F, F, T, T};

        assertEquals(RankingMetrics.prAuc(scores, fraudFirst), RankingMetrics.prAuc(scores, fraudLast));
        assertEquals(RankingMetrics.rocAuc(scores, fraudFirst), RankingMetrics.rocAuc(scores, fraudLast));
    }

    @Test
    void aModelThatGivesEveryoneTheSameScoreIsNoBetterThanGuessing() {
        double[] sameScore = {0.3, 0.3, 0.3, 0.3};
        boolean[] isFraud = {T, F, F, F};

        assertEquals(0.25, RankingMetrics.prAuc(sameScore, isFraud), EXACT);
        assertEquals(RankingMetrics.positiveRate(isFraud), RankingMetrics.prAuc(sameScore, isFraud), EXACT);
        assertEquals(0.5, RankingMetrics.rocAuc(sameScore, isFraud), EXACT);
    }

    @Test
    void rocAucAgreesWithComparingEveryPairOneByOne() {
        Random random = new Random(7);
        int rows = 300;
        double[] scores = new double[rows];
        boolean[] isFraud = new boolean[rows];
        for (int row = 0; row < rows; row++) {
            isFraud[row] = random.nextDouble() < 0.2;
            // Rounded to one decimal so that many scores tie.
            scores[row] = Math.round((random.nextDouble() + (isFraud[row] ? 0.3 : 0)) * 10) / 10.0;
        }

        double rocAuc = RankingMetrics.rocAuc(scores, isFraud);

        assertEquals(rocAucByComparingAllPairs(scores, isFraud), rocAuc, EXACT);
    }

    @Test
    void positiveRateIsTheShareOfPositives() {
        assertEquals(0.4, RankingMetrics.positiveRate(new boolean[] {T, F, T, F, F}), EXACT);
    }

    @Test
    void thePrCurveHasOnePointPerDistinctScoreFromTheHighestDown() {
        double[] scores = {0.6, 0.9, 0.7, 0.8, 0.7};
        boolean[] isFraud = {F, T, T, F, F};

        List<PrPoint> curve = RankingMetrics.prCurve(scores, isFraud);

        assertEquals(List.of(
                new PrPoint(0.9, 0.5, 1.0),
                new PrPoint(0.8, 0.5, 0.5),
                new PrPoint(0.7, 1.0, 0.5),
                new PrPoint(0.6, 1.0, 0.4)), curve);
    }

    @Test
    void anAucWithoutAnyFraudIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.prAuc(new double[] {0.1, 0.2}, new boolean[] {F, F}));

        assertEquals("no positive labels: an AUC needs at least one positive and one negative", refused.getMessage());
    }

    @Test
    void anAucWithoutAnyHonestOrderIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.rocAuc(new double[] {0.1, 0.2}, new boolean[] {T, T}));

        assertEquals("no negative labels: an AUC needs at least one positive and one negative", refused.getMessage());
    }

    @Test
    void aScoreOfNaNIsRefusedBecauseItCannotBeRanked() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.rocAuc(new double[] {0.1, Double.NaN}, new boolean[] {T, F}));

        assertEquals("scores[1] is NaN; fill or drop missing values before evaluating", refused.getMessage());
    }

    private static double rocAucByComparingAllPairs(double[] scores, boolean[] isFraud) {
        double won = 0;
        long pairs = 0;
        for (int fraud = 0; fraud < scores.length; fraud++) {
            for (int honest = 0; honest < scores.length; honest++) {
                if (isFraud[fraud] && !isFraud[honest]) {
                    pairs++;
                    won += scores[fraud] > scores[honest] ? 1 : scores[fraud] == scores[honest] ? 0.5 : 0;
                }
            }
        }
        return won / pairs;
    }
}
