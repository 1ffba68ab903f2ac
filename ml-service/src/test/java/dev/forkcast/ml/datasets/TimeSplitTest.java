package dev.forkcast.ml.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.ml.datasets.TimeSplit.Part;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TimeSplitTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2025, 3, 1);

    @Test
    void thirtyDaysWithAFifthHeldOutGiveEighteenSixAndSixDays() {
        List<LocalDate> days = daysFrom(MARCH_1, 30);

        TimeSplit split = TimeSplit.byDays(days, 0.2);

        assertEquals(days.subList(0, 18), split.trainDays());
        assertEquals(days.subList(18, 24), split.validationDays());
        assertEquals(days.subList(24, 30), split.testDays());
    }

    @Test
    void everyTrainingDayComesBeforeEveryValidationDayAndThoseBeforeEveryTestDay() {
        List<LocalDate> days = daysFrom(MARCH_1, 11);

        TimeSplit split = TimeSplit.byDays(days, 0.2);

        LocalDate lastTrain = split.trainDays().get(split.trainDays().size() - 1);
        LocalDate lastValidation = split.validationDays().get(split.validationDays().size() - 1);
        assertTrue(lastTrain.isBefore(split.validationDays().get(0)), split.toString());
        assertTrue(lastValidation.isBefore(split.testDays().get(0)), split.toString());
    }

    @Test
    void theThreePartsOfTheRowsAreDisjointAndHoldExactlyTheRowsOfTheSplitDays() {
        TimeSplit split = new TimeSplit(List.of(MARCH_1, MARCH_1.plusDays(1)), List.of(MARCH_1.plusDays(2)),
                List.of(MARCH_1.plusDays(3)));
        List<FeatureRow> rows = new ArrayList<>();
        for (int day = -1; day <= 4; day++) {
            rows.add(rowOn(MARCH_1.plusDays(day), "morning"));
            rows.add(rowOn(MARCH_1.plusDays(day), "evening"));
        }

        List<FeatureRow> train = split.rowsOf(Part.TRAIN, rows);
        List<FeatureRow> validation = split.rowsOf(Part.VALIDATION, rows);
        List<FeatureRow> test = split.rowsOf(Part.TEST, rows);

        assertEquals(List.of("2025-03-01 morning", "2025-03-01 evening", "2025-03-02 morning", "2025-03-02 evening"),
                ids(train));
        assertEquals(List.of("2025-03-03 morning", "2025-03-03 evening"), ids(validation));
        assertEquals(List.of("2025-03-04 morning", "2025-03-04 evening"), ids(test));
        Set<String> all = new HashSet<>();
        Stream.of(train, validation, test).forEach(part -> all.addAll(ids(part)));
        assertEquals(8, all.size(), "no row is in two parts");
    }

    @Test
    void repeatedAndUnsortedDaysCountOnceEachInTimeOrder() {
        LocalDate d1 = MARCH_1;
        LocalDate d2 = MARCH_1.plusDays(1);
        LocalDate d3 = MARCH_1.plusDays(2);
        LocalDate d4 = MARCH_1.plusDays(3);
        List<LocalDate> oneDayPerRow = List.of(d3, d1, d4, d1, d2, d3, d1, d4);

        TimeSplit split = TimeSplit.byDays(oneDayPerRow, 0.2);

        assertEquals(new TimeSplit(List.of(d1, d2), List.of(d3), List.of(d4)), split);
    }

    @Test
    void fewerThanThreeDaysAreRefusedWithWhatToDo() {
        List<LocalDate> twoDays = List.of(MARCH_1, MARCH_1.plusDays(1), MARCH_1);

        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> TimeSplit.byDays(twoDays, 0.2));

        assertEquals("a time split needs at least 3 days of data, found 2: simulate and load more days first",
                refusal.getMessage());
    }

    @Test
    void threeDaysGiveOneDayToEachPart() {
        List<LocalDate> days = daysFrom(MARCH_1, 3);

        TimeSplit split = TimeSplit.byDays(days, 0.2);

        assertEquals(new TimeSplit(List.of(days.get(0)), List.of(days.get(1)), List.of(days.get(2))), split);
    }

    private static List<LocalDate> daysFrom(LocalDate first, int count) {
        return Stream.iterate(first, day -> day.plusDays(1)).limit(count).toList();
    }

    /** A row placed on {@code day}, in the morning (08:00 UTC) or the evening (23:30 UTC). */
    private static FeatureRow rowOn(LocalDate day, String moment) {
        var placedAt = moment.equals("morning") ? day.atTime(8, 0) : day.atTime(23, 30);
        return new FeatureRow(day + " " + moment, placedAt.toInstant(ZoneOffset.UTC), new Object[0], 0);
    }

    private static List<String> ids(List<FeatureRow> rows) {
        return rows.stream().map(FeatureRow::orderId).toList();
    }
}
