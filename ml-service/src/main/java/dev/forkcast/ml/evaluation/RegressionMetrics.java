package dev.forkcast.ml.evaluation;

/**
 * How far predictions land from the truth, in the target's own unit (for delivery time: minutes).
 *
 * <ul>
 *   <li>{@code mae}, mean absolute error: the typical miss. "We are usually about 3 minutes off."</li>
 *   <li>{@code rmse}, root mean squared error: squares each miss first, so one 20-minute miss hurts more
 *       than ten 2-minute misses. Use it when big misses are what customers remember.</li>
 *   <li>{@code meanError}, the bias: mean of (predicted - actual). Positive means we promise later than
 *       we deliver, negative means we promise too early. A model can have a small MAE and still be
 *       biased in one direction, which {@code mae} and {@code rmse} cannot show.</li>
 * </ul>
 */
public record RegressionMetrics(long count, double rmse, double mae, double meanError) {

    public static RegressionMetrics of(double[] predicted, double[] actual) {
        Inputs.requireSameLength("predicted", predicted.length, "actual", actual.length);
        Inputs.requireRows(predicted.length);
        Inputs.requireFinite("predicted", predicted);
        Inputs.requireFinite("actual", actual);

        double sumOfSquares = 0;
        double sumOfAbsolutes = 0;
        double sum = 0;
        for (int row = 0; row < predicted.length; row++) {
            double error = predicted[row] - actual[row];
            sumOfSquares += error * error;
            sumOfAbsolutes += Math.abs(error);
            sum += error;
        }
        int count = predicted.length;
        return new RegressionMetrics(count, Math.sqrt(sumOfSquares / count), sumOfAbsolutes / count, sum / count);
    }
}
