package dev.forkcast.warehouse.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RideSpeedsTest {

    private static final LocalDate DAY = LocalDate.parse("2026-03-04");
    private static final Instant EVENING = Instant.parse("2026-03-04T18:40:00Z");

    private final RideSpeeds speeds = new RideSpeeds.Builder()
            .add(DAY, "car", 18, "rain", 240, 14.5)
            .add(DAY, "bike", 18, "rain", RideSpeeds.MIN_PINGS - 1, 3.0)
            .build();

    @Test
    void aLearnedCellAnswersForItsDayHourAndWeather() {
        assertEquals(14.5, speeds.kmh(EVENING, "car", 18, "rain"));
        assertEquals(14.5, speeds.forOrder(EVENING, 18, "rain").apply("car"));
        assertEquals(1, speeds.learnedCells());
    }

    @Test
    void elsewhereTheVehiclesTypicalSpeedAnswers() {
        double typicalCar = RideSpeeds.typicalKmh("car");
        assertEquals(typicalCar, speeds.kmh(EVENING.plusSeconds(6 * 3600), "car", 18, "rain"), "the next day");
        assertEquals(typicalCar, speeds.kmh(EVENING, "car", 17, "rain"), "another hour");
        assertEquals(typicalCar, speeds.kmh(EVENING, "car", 18, "clear"), "another weather");
        assertEquals(typicalCar, speeds.kmh(EVENING, "car", 18, null), "an unknown weather");
        assertEquals(RideSpeeds.typicalKmh("bike"), speeds.kmh(EVENING, "bike", 18, "rain"), "too few pings");
        assertNull(speeds.kmh(EVENING, "hovercraft", 18, "rain"), "a vehicle nobody knows cannot be timed");
        assertNull(speeds.kmh(EVENING, null, 18, "rain"));
    }

    @Test
    void aMomentUsesTheTableOfItsUtcDay() {
        assertEquals(DAY, RideSpeeds.dayOf(Instant.parse("2026-03-04T00:00:00Z")));
        assertEquals(DAY, RideSpeeds.dayOf(Instant.parse("2026-03-04T23:59:59.999Z")));
    }

    @Test
    void theTableTravelsToSparkTasksIntact() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(speeds);
        }
        RideSpeeds copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (RideSpeeds) in.readObject();
        }
        assertEquals(14.5, copy.kmh(EVENING, "car", 18, "rain"));
        assertEquals(1, copy.learnedCells());
    }
}
