package dev.forkcast.ml.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class SegmentsTest {

    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void eachWeatherGetsItsOwnErrors() {
        List<String> weather = List.of("rain", "clear", "rain", "clear");
        double[] predicted = {30, 20, 26, 21};
        double[] actual = {40, 20, 30, 20};

        SortedMap<String, RegressionMetrics> byWeather = Segments.regression(weather, predicted, actual);

        // rain: errors -10, -4. clear: errors 0, +1. Keys come back sorted.
        assertEquals(Map.of(
                "clear", new RegressionMetrics(2, Math.sqrt(0.5), 0.5, 0.5),
                "rain", new RegressionMetrics(2, Math.sqrt(58), 7, -7)), byWeather);
        assertEquals(List.of("clear", "rain"), List.copyOf(byWeather.keySet()));
    }

    @Test
    void hoursAreReportedInNumericOrder() {
        List<Integer> hours = List.of(18, 9, 12);
        double[] minutes = {30, 20, 25};

        SortedMap<Integer, RegressionMetrics> byHour = Segments.regression(hours, minutes, minutes);

        assertEquals(List.of(9, 12, 18), List.copyOf(byHour.keySet()));
    }

    @Test
    void aSegmentWithoutFraudHasCountsButNoAuc() {
        List<String> platform = List.of("ios", "web", "ios", "web", "ios");
        double[] scores = {0.9, 0.8, 0.2, 0.1, 0.5};
        boolean[] isFraud = {T, F, F, F, T};

        SortedMap<String, SegmentRanking> byPlatform = Segments.ranking(platform, scores, isFraud);

        assertEquals(new SegmentRanking(3, 2, 1.0, 1.0), byPlatform.get("ios"));
        assertEquals(new SegmentRanking(2, 0, null, null), byPlatform.get("web"));
    }

    @Test
    void aSegmentThatIsAllFraudHasNoAucEither() {
        List<String> zone = List.of("north", "north", "south", "south");
        double[] scores = {0.9, 0.3, 0.8, 0.6};
        boolean[] isFraud = {T, F, T, T};

        SortedMap<String, SegmentRanking> byZone = Segments.ranking(zone, scores, isFraud);

        assertEquals(new SegmentRanking(2, 1, 1.0, 1.0), byZone.get("north"));
        assertEquals(new SegmentRanking(2, 2, null, null), byZone.get("south"));
    }

    @Test
    void aMissingSegmentKeyIsRefused() {
        List<String> zone = Arrays.asList("north", null);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Segments.regression(zone, new double[] {1, 2}, new double[] {1, 2}));

        assertEquals("segment[1] is null; give missing values a named segment such as \"unknown\"",
                refused.getMessage());
    }

    @Test
    void noRowsMeansNoSegments() {
        List<String> noZones = List.of();

        SortedMap<String, RegressionMetrics> bySegment = Segments.regression(noZones, new double[0], new double[0]);

        assertEquals(Map.of(), bySegment);
    }
}
