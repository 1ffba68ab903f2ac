package dev.forkcast.ml.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The same metrics, computed separately for each segment of the rows (by hour of day, by zone, by
 * weather). One overall number can hide a model that is good at lunch and useless at midnight;
 * per-segment numbers show where it fails. Keys come back sorted, so reports list hours 0..23 in order.
 *
 * <p>Small segments give noisy numbers: read {@code count} before trusting a segment's metric.
 * An empty input gives an empty map (there are no segments to report).
 */
public final class Segments {

    private Segments() {
    }

    public static <K extends Comparable<K>> SortedMap<K, RegressionMetrics> regression(List<K> segment,
            double[] predicted, double[] actual) {
        Inputs.requireSameLength("segment", segment.size(), "predicted", predicted.length);
        Inputs.requireSameLength("segment", segment.size(), "actual", actual.length);

        SortedMap<K, RegressionMetrics> bySegment = new TreeMap<>();
        rowsBySegment(segment).forEach((key, rows) ->
                bySegment.put(key, RegressionMetrics.of(pick(predicted, rows), pick(actual, rows))));
        return Collections.unmodifiableSortedMap(bySegment);
    }

    public static <K extends Comparable<K>> SortedMap<K, SegmentRanking> ranking(List<K> segment, double[] scores,
            boolean[] labels) {
        Inputs.requireSameLength("segment", segment.size(), "scores", scores.length);
        Inputs.requireSameLength("segment", segment.size(), "labels", labels.length);

        SortedMap<K, SegmentRanking> bySegment = new TreeMap<>();
        rowsBySegment(segment).forEach((key, rows) -> {
            double[] segmentScores = pick(scores, rows);
            boolean[] segmentLabels = pick(labels, rows);
            long positives = 0;
            for (boolean label : segmentLabels) {
                if (label) {
                    positives++;
                }
            }
            boolean bothClasses = positives > 0 && positives < rows.length;
            bySegment.put(key, new SegmentRanking(rows.length, positives,
                    bothClasses ? RankingMetrics.prAuc(segmentScores, segmentLabels) : null,
                    bothClasses ? RankingMetrics.rocAuc(segmentScores, segmentLabels) : null));
        });
        return Collections.unmodifiableSortedMap(bySegment);
    }

    private static <K extends Comparable<K>> SortedMap<K, int[]> rowsBySegment(List<K> segment) {
        SortedMap<K, List<Integer>> rowLists = new TreeMap<>();
        for (int row = 0; row < segment.size(); row++) {
            K key = segment.get(row);
            if (key == null) {
                throw new IllegalArgumentException("segment[" + row + "] is null; give missing values a named segment such as \"unknown\"");
            }
            rowLists.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        SortedMap<K, int[]> rows = new TreeMap<>();
        rowLists.forEach((key, list) -> rows.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
        return rows;
    }

    private static double[] pick(double[] values, int[] rows) {
        double[] picked = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = values[rows[i]];
        }
        return picked;
    }

    private static boolean[] pick(boolean[] values, int[] rows) {
        boolean[] picked = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = values[rows[i]];
        }
        return picked;
    }
}
