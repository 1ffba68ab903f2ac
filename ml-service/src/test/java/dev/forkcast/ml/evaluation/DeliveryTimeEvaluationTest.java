package dev.forkcast.ml.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeliveryTimeEvaluationTest {

    @Test
    void aQuantileInterpolatesBetweenTheSortedErrorsAroundIt() {
        double[] sortedErrors = {-4, -1, 0, 2, 10};

        assertEquals(-2.8, DeliveryTimeEvaluation.quantile(sortedErrors, 0.10), 1e-12);
        assertEquals(0.0, DeliveryTimeEvaluation.quantile(sortedErrors, 0.50), 1e-12);
        assertEquals(6.8, DeliveryTimeEvaluation.quantile(sortedErrors, 0.90), 1e-12);
    }

    @Test
    void theEndsAreTheSmallestAndLargestError() {
        double[] sortedErrors = {-4, -1, 0, 2, 10};

        assertEquals(-4.0, DeliveryTimeEvaluation.quantile(sortedErrors, 0.0), 0.0);
        assertEquals(10.0, DeliveryTimeEvaluation.quantile(sortedErrors, 1.0), 0.0);
    }
}
