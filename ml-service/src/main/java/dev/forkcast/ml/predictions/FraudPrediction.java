package dev.forkcast.ml.predictions;

import java.util.List;
import java.util.Map;

/**
 * A fraud score and the decision it leads to.
 *
 * @param score the model's fraud score, 0..1 (weighted training makes it a ranking, not a calibrated
 *     probability: compare it with {@code threshold}, not with 50%)
 * @param block whether the order is blocked: score at or above the threshold chosen from the costs
 * @param threshold the version's decision threshold
 * @param reasons the features that moved the score most
 * @param modelVersion the registry version that answered
 * @param features the values the model was given, by name
 */
public record FraudPrediction(double score, boolean block, double threshold, List<Reason> reasons, int modelVersion,
                              Map<String, Object> features) {
}
