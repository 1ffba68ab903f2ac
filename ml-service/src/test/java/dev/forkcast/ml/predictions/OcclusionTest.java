package dev.forkcast.ml.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OcclusionTest {

    /** A transparent score: 0.5 per foreign card, 0.01 per km, nothing for the hour; unknown counts as 0. */
    private static double score(Object[] v) {
        double foreign = v[0] == null ? 0 : ((Boolean) v[0] ? 0.5 : 0);
        double km = v[1] == null ? 0 : 0.01 * ((Number) v[1]).doubleValue();
        return 0.1 + foreign + km;
    }

    @Test
    void eachReasonIsHowMuchTheScoreFallsWithoutThatValueLargestFirst() {
        Object[] order = {true, 12.0, 3};

        List<Reason> reasons = Occlusion.reasons(List.of("is_foreign_card", "km_from_home", "hour_of_day"), order,
                OcclusionTest::score, 3);

        assertEquals(List.of(new Reason("is_foreign_card", true, 0.5), new Reason("km_from_home", 12.0, 0.12),
                new Reason("hour_of_day", 3, 0.0)), reasons.stream()
                .map(r -> new Reason(r.feature(), r.value(), Math.round(r.contribution() * 1e9) / 1e9)).toList());
    }

    @Test
    void unknownValuesGiveNoReasonAndTheListIsCut() {
        Object[] order = {null, 12.0, 3};

        List<Reason> reasons = Occlusion.reasons(List.of("is_foreign_card", "km_from_home", "hour_of_day"), order,
                OcclusionTest::score, 1);

        assertEquals(1, reasons.size());
        assertEquals("km_from_home", reasons.get(0).feature());
    }
}
