package dev.forkcast.ml.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NiceScaleTest {

    @Test
    void probabilitiesGetTicksInFifths() {
        NiceScale scale = NiceScale.covering(0, 1);

        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"), labels(scale));
    }

    @Test
    void deliveryMinutesAreRoundedOutToTheNextTen() {
        NiceScale scale = NiceScale.covering(3, 47);

        assertEquals(List.of("0", "10", "20", "30", "40", "50"), labels(scale));
        assertEquals(0.0, scale.min());
        assertEquals(50.0, scale.max());
    }

    @Test
    void labelsHaveNoFloatingPointNoise() {
        NiceScale scale = NiceScale.covering(0.6, 1.4);

        assertEquals(List.of("0.6", "0.8", "1", "1.2", "1.4"), labels(scale));
    }

    @Test
    void quarterStepsAreUsedOnlyWhenNothingRounderFits() {
        NiceScale scale = NiceScale.covering(5.1, 14.9);

        assertEquals(List.of("5", "7.5", "10", "12.5", "15"), labels(scale));
    }

    @Test
    void aSingleValueStillGetsAnAxisAroundIt() {
        NiceScale scale = NiceScale.covering(20, 20);

        assertEquals(List.of("18", "19", "20", "21", "22"), labels(scale));
    }

    @Test
    void everyRangeGetsFourToSixTicksThatCoverIt() {
        double[] lows = {-3.7, 0, 0.001, 2, 17, 1234.5, -0.02};
        double[] widths = {0.0007, 0.3, 1, 4.9, 11, 99, 2500, 1e6};
        for (double low : lows) {
            for (double width : widths) {
                NiceScale scale = NiceScale.covering(low, low + width);

                int ticks = scale.ticks().size();
                assertTrue(ticks >= 4 && ticks <= 6, low + ".." + (low + width) + " has " + ticks + " ticks");
                assertTrue(scale.min() <= low && scale.max() >= low + width, low + ".." + (low + width)
                        + " not covered by " + labels(scale));
            }
        }
    }

    private static List<String> labels(NiceScale scale) {
        return scale.ticks().stream().map(NiceScale.Tick::label).toList();
    }
}
