package dev.forkcast.ml.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.warehouse.features.FeatureCatalogue;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanEstimateTest {

    private static final List<String> NAMES = FeatureCatalogue.DELIVERY_TIME.featureNames();

    /** A row with only the three plan inputs set (the rest unknown). */
    private static Object[] row(Number arrival, Number quotedPrep, Number ride) {
        Object[] values = new Object[NAMES.size()];
        values[NAMES.indexOf("courier_soonest_arrival_minutes")] = arrival;
        values[NAMES.indexOf("restaurant_quoted_prep_minutes")] = quotedPrep;
        values[NAMES.indexOf("courier_ride_minutes_estimate")] = ride;
        return values;
    }

    @Test
    void theFoodWaitsForALateCourierThenRidesToTheDoor() {
        assertEquals(25.0 + 9.5, PlanEstimate.of(row(25.0, 12, 9.5)), 1e-12);
    }

    @Test
    void anEarlyCourierWaitsForTheKitchen() {
        assertEquals(18 + 9.5, PlanEstimate.of(row(4.0, 18, 9.5)), 1e-12);
    }

    @Test
    void anUnknownPartCountsAsZero() {
        assertEquals(12.0, PlanEstimate.of(row(null, 12, null)), 1e-12);
        assertEquals(0.0, PlanEstimate.of(new Object[NAMES.size()]), 1e-12);
    }

    @Test
    void aCorrectionModelsMinutesArePlanPlusOutputAndRoundTrip() {
        Object[] values = row(25.0, 12, 9.5);
        double correction = PlanEstimate.correction(41.0, values);

        assertEquals(6.5, correction, 1e-12);
        assertEquals(41.0, PlanEstimate.minutes(PlanEstimate.TARGET, correction, values), 1e-12);
    }

    @Test
    void aModelOfMinutesFromBeforeTheCorrectionIsReadAsMinutes() {
        assertEquals(33.0, PlanEstimate.minutes(TribuoDatasets.MINUTES, 33.0, row(25.0, 12, 9.5)), 0.0);
    }

    @Test
    void anUnknownOutputNameIsRefusedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlanEstimate.minutes("fraud", 0.3, row(1, 2, 3)));
        assertTrue(e.getMessage().contains("fraud"), e.getMessage());
    }

    @Test
    void aRowOfTheWrongLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PlanEstimate.of(new Object[3]));
    }
}
