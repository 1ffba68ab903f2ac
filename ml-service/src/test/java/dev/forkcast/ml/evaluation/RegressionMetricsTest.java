package dev.forkcast.ml.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegressionMetricsTest {

    @Test
    void oneBigMissWeighsMoreInRmseThanInMae() {
        double[] predictedMinutes = {13, 16, 25, 30};
        double[] actualMinutes = {10, 20, 25, 30};

        RegressionMetrics metrics = RegressionMetrics.of(predictedMinutes, actualMinutes);

        // Errors are +3, -4, 0, 0: RMSE = sqrt((9 + 16) / 4) = 2.5, MAE = 7 / 4, bias = -1 / 4.
        assertEquals(new RegressionMetrics(4, 2.5, 1.75, -0.25), metrics);
    }

    @Test
    void biasShowsWhatMaeCannot() {
        double[] alwaysFiveLate = {15, 25, 35};
        double[] actual = {10, 20, 30};

        RegressionMetrics metrics = RegressionMetrics.of(alwaysFiveLate, actual);

        assertEquals(5.0, metrics.mae());
        assertEquals(5.0, metrics.meanError());
    }

    @Test
    void perfectPredictionsHaveNoError() {
        double[] minutes = {12.5, 31, 44};

        RegressionMetrics metrics = RegressionMetrics.of(minutes, minutes.clone());

        assertEquals(new RegressionMetrics(3, 0, 0, 0), metrics);
    }

    @Test
    void arraysOfDifferentLengthsAreRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RegressionMetrics.of(new double[] {1, 2}, new double[] {1}));

        assertEquals("predicted has 2 rows but actual has 1; they must describe the same rows", refused.getMessage());
    }

    @Test
    void noRowsIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RegressionMetrics.of(new double[0], new double[0]));

        assertTrue(refused.getMessage().startsWith("no rows"), refused.getMessage());
    }

    @Test
    void aMissingPredictionIsRefusedRatherThanTurningEveryMetricIntoNaN() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RegressionMetrics.of(new double[] {10, Double.NaN}, new double[] {10, 12}));

        assertTrue(refused.getMessage().startsWith("predicted[1] is NaN"), refused.getMessage());
    }
}
