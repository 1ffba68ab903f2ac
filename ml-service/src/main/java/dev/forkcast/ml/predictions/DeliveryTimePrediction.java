package dev.forkcast.ml.predictions;

import java.util.Map;

/**
 * A predicted delivery time.
 *
 * @param minutes the model's estimate
 * @param low the lower end of an 80% range (10th percentile of the model's errors on its test days)
 * @param high the upper end (90th percentile)
 * @param modelVersion the registry version that answered
 * @param features the values the model was given, by name (what the API echoes back)
 */
public record DeliveryTimePrediction(double minutes, double low, double high, int modelVersion,
                                     Map<String, Object> features) {
}
