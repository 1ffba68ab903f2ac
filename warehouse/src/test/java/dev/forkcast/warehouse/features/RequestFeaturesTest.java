package dev.forkcast.warehouse.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestFeaturesTest {

    @Test
    void timeFeaturesAreUtc() {
        Instant sundayNight = Instant.parse("2026-03-08T05:59:59Z");

        assertEquals(5, RequestFeatures.hourOfDay(sundayNight));
        assertEquals(7, RequestFeatures.dayOfWeek(sundayNight));
        assertTrue(RequestFeatures.isWeekend(sundayNight));
        assertTrue(RequestFeatures.isNightOrder(sundayNight));
        assertFalse(RequestFeatures.isNightOrder(Instant.parse("2026-03-09T06:00:00Z")));
        assertFalse(RequestFeatures.isWeekend(Instant.parse("2026-03-09T12:00:00Z")));
    }

    @Test
    void oneDegreeOfLatitudeIsAbout111Km() {
        assertEquals(111.2, RequestFeatures.distanceKm(52.0, 5.0, 53.0, 5.0), 0.1);
        assertEquals(0.0, RequestFeatures.distanceKm(52.09, 5.12, 52.09, 5.12), 1e-9);
    }

    @Test
    void aDeliveryPointIsRoundedAsSparkRoundsItToThreePlaces() {
        assertEquals(52.091, RequestFeatures.approxCoordinate(52.0905));
        assertEquals(-4.001, RequestFeatures.approxCoordinate(-4.0005));
        assertEquals(5.123, RequestFeatures.approxCoordinate(5.12345));
        assertEquals(5.12, RequestFeatures.approxCoordinate(5.12));
        assertNull(RequestFeatures.approxCoordinate(null));
    }

    @Test
    void aMissingCoordinateGivesNoDistance() {
        assertNull(RequestFeatures.distanceKm(null, 5.0, 52.0, 5.0));
    }

    @Test
    void windowsReadAsPeopleSayThem() {
        assertEquals("7 days before placement", FeatureWindows.describe(Duration.ofDays(7)));
        assertEquals("30 minutes before placement", FeatureWindows.describe(Duration.ofMinutes(30)));
    }

    @Test
    void everyFeatureHasAMeaningAndAUniqueName() {
        for (FeatureCatalogue.FeatureTable table : FeatureCatalogue.TABLES) {
            assertEquals(table.features().size(), table.featureNames().stream().distinct().count(), table.table());
            table.features().forEach(f -> assertFalse(f.meaning().isBlank(), f.name()));
        }
    }
}
