package dev.forkcast.simulator.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FraudModelTest {

    /** An ordinary order: a year-old account, a typical basket near home, a local card, by day, alone on its phone. */
    private static final FraudSignals ORDINARY = new FraudSignals(400, 1.0, 1.5, false, false, 1, false, 0);
    private static final FraudModel MODEL = new FraudModel(-5.0);

    @Test
    void theCalibratedInterceptHitsTheTargetRate() {
        double[] scores = new SplittableRandom(3).doubles(5_000, -2, 6).toArray();
        double target = 0.02;

        double intercept = FraudModel.calibrateIntercept(scores, scores.length, target);

        double sum = 0;
        for (double score : scores) {
            sum += 1 / (1 + Math.exp(-(intercept + score)));
        }
        assertEquals(target, sum / scores.length, 1e-6);
    }

    @Test
    void aBrandNewAccountIsRiskierThanAnOldOne() {
        FraudSignals brandNew = new FraudSignals(0.2, 1.0, 1.5, false, false, 1, false, 0);

        double newProbability = MODEL.probability(brandNew);

        assertTrue(newProbability > MODEL.probability(ORDINARY),
                newProbability + " vs " + MODEL.probability(ORDINARY));
    }

    @Test
    void aForeignCardIsRiskierThanALocalOne() {
        FraudSignals foreign = new FraudSignals(400, 1.0, 1.5, true, false, 1, false, 0);

        double foreignProbability = MODEL.probability(foreign);

        assertTrue(foreignProbability > MODEL.probability(ORDINARY),
                foreignProbability + " vs " + MODEL.probability(ORDINARY));
    }

    @Test
    void moreAccountsOnTheDeviceAreRiskier() {
        FraudSignals two = new FraudSignals(400, 1.0, 1.5, false, false, 2, false, 0);
        FraudSignals five = new FraudSignals(400, 1.0, 1.5, false, false, 5, false, 0);

        double twoProbability = MODEL.probability(two);
        double fiveProbability = MODEL.probability(five);

        assertTrue(twoProbability > MODEL.probability(ORDINARY), twoProbability + " vs " + MODEL.probability(ORDINARY));
        assertTrue(fiveProbability > twoProbability, fiveProbability + " vs " + twoProbability);
    }

    @Test
    void morePriorRefundsAreRiskier() {
        FraudSignals one = new FraudSignals(400, 1.0, 1.5, false, false, 1, false, 1);
        FraudSignals three = new FraudSignals(400, 1.0, 1.5, false, false, 1, false, 3);

        double oneProbability = MODEL.probability(one);
        double threeProbability = MODEL.probability(three);

        assertTrue(oneProbability > MODEL.probability(ORDINARY), oneProbability + " vs " + MODEL.probability(ORDINARY));
        assertTrue(threeProbability > oneProbability, threeProbability + " vs " + oneProbability);
    }
}
