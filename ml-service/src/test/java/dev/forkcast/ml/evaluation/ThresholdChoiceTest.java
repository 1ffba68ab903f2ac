package dev.forkcast.ml.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ThresholdChoiceTest {

    private static final boolean T = true;
    private static final boolean F = false;

    /** Five validation orders: two frauds, at the 1st and 3rd highest scores. */
    private static final double[] VALIDATION_SCORES = {0.9, 0.8, 0.7, 0.6, 0.2};
    private static final boolean[] VALIDATION_IS_FRAUD = {T, F, T, F, F};

    @Test
    void theCheapestThresholdBlocksOneHonestOrderToCatchBothFrauds() {
        // Block nothing: 2 x 40 = 80. At 0.9: 40. At 0.8: 45. At 0.7: 5. At 0.6: 10. At 0.2: 15.

        Threshold chosen = ThresholdChoice.choose(VALIDATION_SCORES, VALIDATION_IS_FRAUD, DecisionCosts.DEFAULT);

        assertEquals(new Threshold(0.7, 5.0 / 5, 3, 2, 0, 1), chosen);
    }

    @Test
    void whenTwoThresholdsCostTheSameTheHigherOneWins() {
        DecisionCosts equalCosts = new DecisionCosts(5, 5);
        // Block nothing: 10. At 0.9: 5. At 0.8: 10. At 0.7: 5. At 0.6: 10. At 0.2: 15.

        Threshold chosen = ThresholdChoice.choose(VALIDATION_SCORES, VALIDATION_IS_FRAUD, equalCosts);

        assertEquals(new Threshold(0.9, 5.0 / 5, 1, 1, 1, 0), chosen);
    }

    @Test
    void whenBlockingCostsMoreThanItSavesNothingIsBlocked() {
        double[] scores = {0.9, 0.1};
        boolean[] isFraud = {F, T};
        DecisionCosts cheapFraud = new DecisionCosts(4, 5);

        Threshold chosen = ThresholdChoice.choose(scores, isFraud, cheapFraud);

        assertEquals(new Threshold(Double.POSITIVE_INFINITY, 4.0 / 2, 0, 0, 1, 0), chosen);
    }

    @Test
    void withoutAnyFraudBlockingNothingCostsNothing() {
        double[] scores = {0.9, 0.4};
        boolean[] isFraud = {F, F};

        Threshold chosen = ThresholdChoice.choose(scores, isFraud, DecisionCosts.DEFAULT);

        assertEquals(new Threshold(Double.POSITIVE_INFINITY, 0, 0, 0, 0, 0), chosen);
    }

    @Test
    void aThresholdChosenEarlierIsJudgedOnNewDays() {
        double[] testScores = {0.95, 0.7, 0.5, 0.8};
        boolean[] testIsFraud = {T, T, F, F};

        Threshold onTestDays = ThresholdChoice.evaluate(testScores, testIsFraud, DecisionCosts.DEFAULT, 0.7);

        // Blocks 0.95, 0.7 (a score equal to the threshold is blocked) and 0.8: one honest order, 5 EUR over 4 orders.
        assertEquals(new Threshold(0.7, 5.0 / 4, 3, 2, 0, 1), onTestDays);
    }

    @Test
    void evaluatingInfinityMeansBlockingNothing() {
        double[] testScores = {0.95, 0.7, 0.5, 0.8};
        boolean[] testIsFraud = {T, T, F, F};

        Threshold blockNothing = ThresholdChoice.evaluate(testScores, testIsFraud, DecisionCosts.DEFAULT,
                Double.POSITIVE_INFINITY);

        assertEquals(new Threshold(Double.POSITIVE_INFINITY, 80.0 / 4, 0, 0, 2, 0), blockNothing);
    }

    @Test
    void evaluatingTheChosenThresholdOnTheSameDaysGivesTheSameAnswer() {
        Threshold chosen = ThresholdChoice.choose(VALIDATION_SCORES, VALIDATION_IS_FRAUD, DecisionCosts.DEFAULT);

        Threshold again = ThresholdChoice.evaluate(VALIDATION_SCORES, VALIDATION_IS_FRAUD, DecisionCosts.DEFAULT,
                chosen.threshold());

        assertEquals(chosen, again);
    }

    @Test
    void negativeCostsAreRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new DecisionCosts(-1, 5));

        assertEquals("costs must be finite and not negative, got missedFraud=-1.0, blockedHonestOrder=5.0",
                refused.getMessage());
    }
}
