package dev.forkcast.ml.evaluation;

/**
 * One point of a precision-recall curve: if we flag every row scoring at or above {@code threshold},
 * we find {@code recall} of all positives, and {@code precision} of what we flag is really positive.
 */
public record PrPoint(double threshold, double recall, double precision) {
}
