package dev.forkcast.ml.datasets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which days train a model, which choose among candidates (validation) and which judge the winner
 * (test). The cut is by time, never at random: a model is used on days after the ones it learned from,
 * so it must be judged that way too. A random split would let the model learn a busy Friday from rows
 * of the same Friday and flatter it.
 *
 * <pre>
 *   day 1 ............................ day n
 *   [ train                ][ valid. ][ test ]
 * </pre>
 *
 * @param trainDays the earliest days
 * @param validationDays the days after training, for choosing hyperparameters and the decision threshold
 * @param testDays the latest days, seen by nothing but the final judgement
 */
public record TimeSplit(List<LocalDate> trainDays, List<LocalDate> validationDays, List<LocalDate> testDays) {

    /** Which part a row belongs to. */
    public enum Part { TRAIN, VALIDATION, TEST }

    /** The fewest days a split accepts: one for each part. */
    public static final int MIN_DAYS = 3;

    public TimeSplit {
        trainDays = List.copyOf(trainDays);
        validationDays = List.copyOf(validationDays);
        testDays = List.copyOf(testDays);
        if (trainDays.isEmpty() || validationDays.isEmpty() || testDays.isEmpty()) {
            throw new IllegalArgumentException("each part of a split needs at least one day");
        }
        if (!last(trainDays).isBefore(validationDays.get(0)) || !last(validationDays).isBefore(testDays.get(0))) {
            throw new IllegalArgumentException("train days must come before validation days, and those before test days");
        }
    }

    /**
     * Splits {@code days} (in any order, repeats ignored) by time: the last {@code holdoutShare} of the days
     * (at least one) are the test days, as many before them validate, the rest train.
     */
    public static TimeSplit byDays(Collection<LocalDate> days, double holdoutShare) {
        if (holdoutShare <= 0 || holdoutShare >= 0.5) {
            throw new IllegalArgumentException("holdoutShare must be above 0 and below 0.5, was " + holdoutShare);
        }
        List<LocalDate> sorted = new ArrayList<>(new TreeSet<>(days));
        if (sorted.size() < MIN_DAYS) {
            throw new IllegalArgumentException("a time split needs at least " + MIN_DAYS + " days of data, found "
                    + sorted.size() + ": simulate and load more days first");
        }
        int holdout = Math.max(1, (int) Math.round(sorted.size() * holdoutShare));
        holdout = Math.min(holdout, (sorted.size() - 1) / 2);
        int trainEnd = sorted.size() - 2 * holdout;
        return new TimeSplit(sorted.subList(0, trainEnd), sorted.subList(trainEnd, trainEnd + holdout),
                sorted.subList(trainEnd + holdout, sorted.size()));
    }

    /** The part {@code day} falls in, or {@code null} when it is in none (before, between or after them). */
    public Part partOf(LocalDate day) {
        if (trainDays.contains(day)) {
            return Part.TRAIN;
        }
        if (validationDays.contains(day)) {
            return Part.VALIDATION;
        }
        return testDays.contains(day) ? Part.TEST : null;
    }

    /** The rows of one part, in their original order. */
    public List<FeatureRow> rowsOf(Part part, List<FeatureRow> rows) {
        return rows.stream().filter(row -> partOf(row.day()) == part).toList();
    }

    /** First day, last day and number of days of each part: what the registry records as the data window. */
    public Map<String, Object> describe() {
        return Map.of("train", range(trainDays), "validation", range(validationDays), "test", range(testDays));
    }

    private static Map<String, Object> range(List<LocalDate> days) {
        return Map.of("first_day", days.get(0).toString(), "last_day", last(days).toString(), "days", days.size());
    }

    private static LocalDate last(List<LocalDate> days) {
        return days.get(days.size() - 1);
    }
}
