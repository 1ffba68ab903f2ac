package dev.forkcast.ml.evaluation;

/**
 * Ranking quality inside one segment (one city zone, one hour, one platform).
 *
 * <p>{@code prAuc} and {@code rocAuc} are {@code null} when the segment has no positives or no
 * negatives: a segment without fraud has no PR-AUC, because there is nothing to find. That is not a
 * score of 0 or 1, and printing either would mislead, so the gap stays visible.
 */
public record SegmentRanking(long count, long positives, Double prAuc, Double rocAuc) {
}
