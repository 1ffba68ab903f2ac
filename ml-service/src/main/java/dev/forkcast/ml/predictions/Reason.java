package dev.forkcast.ml.predictions;

/**
 * One feature's share in a fraud score: how much lower the score would be had the model not known this
 * value (positive = it raised the risk).
 */
public record Reason(String feature, Object value, double contribution) {
}
