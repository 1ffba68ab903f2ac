package dev.forkcast.warehouse.features;

import static dev.forkcast.warehouse.features.RideSpeeds.Window.HISTORY;
import static dev.forkcast.warehouse.features.RideSpeeds.Window.WEEK;
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
            .add(DAY, WEEK, "car", 18, "rain", 240, 14.5)
            .add(DAY, HISTORY, "car", 18, "rain", 900, 15.0)
            .add(DAY, WEEK, "bike", 18, "rain", RideSpeeds.MIN_PINGS - 1, 3.0)
            .build();

    @Test
    void aLearnedCellAnswersForItsDayHourAndWeather() {
        assertEquals(14.5, speeds.kmh(EVENING, "car", 18, "rain"));
        assertEquals(14.5, speeds.forOrder(EVENING, 18, "rain").apply("car"), "the week before the history");
        assertEquals(15.0, speeds.kmh(EVENING, "car", 17, "rain"), "another hour: the car in the rain at any hour");
        assertEquals(1, speeds.learnedCells());
    }

    @Test
    void theHistoryAnswersWhereTheWeekHasTooFewPings() {
        RideSpeeds stormy = new RideSpeeds.Builder()
                .add(DAY, WEEK, "bike", 18, "storm", 5, 7.0)
                .add(DAY, HISTORY, "bike", 18, "storm", 45, 8.0)
                .build();

        assertEquals(8.0, stormy.kmh(EVENING, "bike", 18, "storm"));
    }

    @Test
    void withoutAFigureForTheHourTheWeathersFigureOverAllHoursAnswers() {
        // Storm pings at 17 and 19 but none at 18: the pings-weighted mean of the vehicle in the storm.
        RideSpeeds stormy = new RideSpeeds.Builder()
                .add(DAY, HISTORY, "bike", 19, "storm", 30, 9.0)
                .add(DAY, HISTORY, "bike", 17, "storm", 10, 5.0)
                .add(DAY, HISTORY, "bike", 3, "storm", 5, 11.0)
                .build();

        assertEquals((30 * 9.0 + 10 * 5.0 + 5 * 11.0) / 45, stormy.kmh(EVENING, "bike", 18, "storm"), 1e-12);
        assertEquals(RideSpeeds.typicalKmh("car"), stormy.kmh(EVENING, "car", 18, "storm"), "nothing for cars");
    }

    @Test
    void theSameRowsGiveTheSameFiguresInAnyOrder() {
        RideSpeeds.Builder one = new RideSpeeds.Builder();
        RideSpeeds.Builder other = new RideSpeeds.Builder();
        for (int hour = 0; hour < 24; hour++) {
            one.add(DAY, HISTORY, "bike", hour, "rain", 7 + hour, 10.0 + hour / 7.0);
            other.add(DAY, HISTORY, "bike", 23 - hour, "rain", 7 + 23 - hour, 10.0 + (23 - hour) / 7.0);
        }
        one.add(DAY, WEEK, "bike", 5, "rain", 100, 99.0);
        other.add(DAY, WEEK, "bike", 5, "rain", 100, 99.0);
        RideSpeeds a = one.build();
        RideSpeeds b = other.build();
        for (int hour = 0; hour < 24; hour++) {
            assertEquals(a.kmh(EVENING, "bike", hour, "rain"), b.kmh(EVENING, "bike", hour, "rain"));
        }
        assertEquals(99.0, a.kmh(EVENING, "bike", 5, "rain"), "the week first");
    }

    @Test
    void elsewhereTheVehiclesTypicalSpeedAnswers() {
        double typicalCar = RideSpeeds.typicalKmh("car");
        assertEquals(typicalCar, speeds.kmh(EVENING.plusSeconds(6 * 3600), "car", 18, "rain"), "the next day");
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
