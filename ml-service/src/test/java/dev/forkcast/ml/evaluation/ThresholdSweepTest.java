package dev.forkcast.ml.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThresholdSweepTest {

    @Test
    void eachDistinctScoreIsOneStepCountingEverythingAtOrAboveIt() {
        double[] scores = {0.2, 0.8, 0.5, 0.8, 0.5};
        boolean[] isFraud = {false, true, true, false, false};

        ThresholdSweep sweep = ThresholdSweep.of(scores, isFraud);

        assertArrayEquals(new double[] {0.8, 0.5, 0.2}, sweep.thresholds);
        assertArrayEquals(new long[] {1, 2, 2}, sweep.positivesAtOrAbove);
        assertArrayEquals(new long[] {1, 2, 3}, sweep.negativesAtOrAbove);
        assertEquals(2, sweep.positives);
        assertEquals(3, sweep.negatives);
    }
}
