package dev.forkcast.warehouse.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FleetStateTest {

    /** A restaurant; 0.01 degrees of latitude north of it is about 1.11 km away. */
    private static final double LAT = 52.09;
    private static final double LON = 5.12;
    private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");
    /** Every vehicle at 20 km/h: 1.11 km x 1.35 road factor takes 4.5 minutes. */
    private static final Function<String, Double> TWENTY_KMH = vehicle -> 20.0;

    private final FleetState fleet = new FleetState();

    private static Instant minutes(double m) {
        return NOON.plusMillis(Math.round(m * 60_000));
    }

    @Test
    void anIdleCourierArrivesAfterTheRideAlone() {
        fleet.shiftStarted("s1", "cour_1", "bike", minutes(-30), LAT + 0.01, LON);

        FleetState.Soonest soonest = fleet.soonestAt(LAT, LON, NOON, TWENTY_KMH);

        assertEquals("cour_1", soonest.courierId());
        assertEquals(0.0, soonest.waitMinutes());
        assertEquals(1.112, soonest.distanceKm(), 0.001);
        assertEquals(4.50, soonest.arrivalMinutes(), 0.01);
        assertEquals(1, soonest.idleCouriers());
    }

    @Test
    void aBusyCourierNextDoorBeatsAnIdleOneAcrossTown() {
        fleet.shiftStarted("s1", "cour_far", "car", minutes(-60), LAT + 0.05, LON);
        fleet.shiftStarted("s2", "cour_near", "bike", minutes(-60), LAT + 0.03, LON);
        // Finishing a job 3 minutes from now, 100 m from the restaurant.
        fleet.assigned("a1", "o1", "cour_near", "bike", minutes(-20), minutes(3), LAT + 0.001, LON);

        FleetState.Soonest soonest = fleet.soonestAt(LAT, LON, NOON, TWENTY_KMH);

        assertEquals("cour_near", soonest.courierId());
        assertEquals(3.0, soonest.waitMinutes(), 1e-9);
        assertEquals(3.45, soonest.arrivalMinutes(), 0.01);
        assertEquals(2, soonest.availableCouriers());
        assertEquals(1, soonest.idleCouriers());
    }

    @Test
    void theRunnerUpOnAnotherVehicleIsTheSoonestOfTheOtherKinds() {
        // Two bikes (1.1 and 2.2 km away), a car at 5.6 km and a scooter at 3.3 km; bikes ride 20 km/h, the rest 40.
        fleet.shiftStarted("s1", "bike_near", "bike", minutes(-60), LAT + 0.01, LON);
        fleet.shiftStarted("s2", "bike_far", "bike", minutes(-60), LAT + 0.02, LON);
        fleet.shiftStarted("s3", "car", "car", minutes(-60), LAT + 0.05, LON);
        fleet.shiftStarted("s4", "scooter", "scooter", minutes(-60), LAT + 0.03, LON);
        Function<String, Double> speeds = vehicle -> vehicle.equals("bike") ? 20.0 : 40.0;

        FleetState.Soonest soonest = fleet.soonestAt(LAT, LON, NOON, speeds);

        assertEquals("bike_near", soonest.courierId());
        double bike = FleetState.rideMinutes(1.112, 20);
        double scooter = FleetState.rideMinutes(3.336, 40);
        assertEquals(bike, soonest.arrivalMinutes(), 0.01);
        assertEquals(scooter - bike, soonest.otherVehicleGapMinutes(), 0.01, "the second bike is no alternative");
        assertEquals(40.0, soonest.otherVehicleSpeedKmh());
        assertEquals(FleetState.rideMinutes(2.0, 40), soonest.otherVehicleRideMinutesEstimate(2.0), 1e-12);
        assertEquals(FleetState.rideMinutes(2.0, 20), soonest.rideMinutesEstimate(2.0), 1e-12);
    }

    @Test
    void withOneKindOfVehicleThereIsNoOtherVehicle() {
        fleet.shiftStarted("s1", "bike_near", "bike", minutes(-60), LAT + 0.01, LON);
        fleet.shiftStarted("s2", "bike_far", "bike", minutes(-60), LAT + 0.02, LON);

        FleetState.Soonest soonest = fleet.soonestAt(LAT, LON, NOON, TWENTY_KMH);

        assertNull(soonest.otherVehicleGapMinutes());
        assertNull(soonest.otherVehicleRideMinutesEstimate(2.0));
    }

    @Test
    void aLoggedOffCourierIsNobody() {
        fleet.shiftStarted("s1", "cour_1", "bike", minutes(-300), LAT, LON);
        fleet.shiftEnded("e1", "cour_1", minutes(-10));

        FleetState.Soonest soonest = fleet.soonestAt(LAT, LON, NOON, TWENTY_KMH);

        assertNull(soonest.courierId());
        assertNull(soonest.arrivalMinutes());
        assertEquals(0, soonest.availableCouriers());
    }

    @Test
    void aLateEventNeverRollsTheStateBack() {
        fleet.shiftStarted("s2", "cour_1", "bike", minutes(-60), LAT, LON);
        // The previous shift's end arrives hours late, after the new shift began.
        fleet.shiftEnded("e1", "cour_1", minutes(-400));
        fleet.assigned("a2", "o2", "cour_1", "bike", minutes(-10), minutes(15), LAT, LON);
        fleet.assigned("a1", "o1", "cour_1", "bike", minutes(-50), minutes(-30), LAT + 0.05, LON);

        FleetState.Soonest soonest = fleet.soonestAt(LAT, LON, NOON, TWENTY_KMH);

        assertEquals("cour_1", soonest.courierId());
        assertEquals(15.0, soonest.waitMinutes(), 1e-9);
    }

    @Test
    void theAnswerDoesNotDependOnTheOrderEventsArrivedIn() {
        FleetState other = new FleetState();
        fleet.shiftStarted("s1", "cour_1", "bike", minutes(-60), LAT + 0.02, LON);
        fleet.assigned("a1", "o1", "cour_1", "bike", minutes(-5), minutes(12), LAT + 0.01, LON);
        fleet.shiftStarted("s2", "cour_2", "car", minutes(-40), LAT - 0.02, LON);
        other.shiftStarted("s2", "cour_2", "car", minutes(-40), LAT - 0.02, LON);
        other.assigned("a1", "o1", "cour_1", "bike", minutes(-5), minutes(12), LAT + 0.01, LON);
        other.shiftStarted("s1", "cour_1", "bike", minutes(-60), LAT + 0.02, LON);

        assertEquals(fleet.soonestAt(LAT, LON, NOON, TWENTY_KMH), other.soonestAt(LAT, LON, NOON, TWENTY_KMH));
    }

    @Test
    void aJobFromBeforeTheLogInLeavesTheCourierWhereTheLogInSaid() {
        fleet.assigned("a1", "o1", "cour_1", "bike", minutes(-600), minutes(-570), LAT + 0.05, LON);
        fleet.shiftStarted("s1", "cour_1", "bike", minutes(-30), LAT + 0.01, LON);

        FleetState.Soonest soonest = fleet.soonestAt(LAT, LON, NOON, TWENTY_KMH);

        assertEquals(0.0, soonest.waitMinutes());
        assertEquals(1.112, soonest.distanceKm(), 0.001);
    }

    @Test
    void aJustPlacedOrderHoldsItsCourierUntilItsAssignmentArrives() {
        fleet.shiftStarted("s1", "cour_near", "bike", minutes(-60), LAT + 0.01, LON);
        fleet.shiftStarted("s2", "cour_far", "bike", minutes(-60), LAT + 0.04, LON);

        FleetState.Soonest first = fleet.placed("o1", LAT, LON, NOON, TWENTY_KMH);
        FleetState.Soonest second = fleet.soonestAt(LAT, LON, NOON.plusSeconds(5), TWENTY_KMH);
        fleet.assigned("a1", "o1", "cour_far", "bike", NOON.plusSeconds(6), minutes(40), LAT - 0.05, LON);
        FleetState.Soonest afterTheAnnouncement = fleet.soonestAt(LAT, LON, NOON.plusSeconds(8), TWENTY_KMH);

        assertEquals("cour_near", first.courierId());
        assertEquals("cour_far", second.courierId());
        assertEquals("cour_near", afterTheAnnouncement.courierId(), "dispatch took someone else: the hold ends");
    }

    @Test
    void aHoldLapsesWhenNoAssignmentComes() {
        fleet.shiftStarted("s1", "cour_1", "bike", minutes(-60), LAT + 0.01, LON);

        fleet.placed("o-cancelled", LAT, LON, NOON, TWENTY_KMH);

        assertNull(fleet.soonestAt(LAT, LON, NOON.plusSeconds(29), TWENTY_KMH).courierId());
        assertEquals("cour_1", fleet.soonestAt(LAT, LON, NOON.plusSeconds(30), TWENTY_KMH).courierId());
    }

    @Test
    void aCourierWithoutAKnownSpeedIsCountedButNotTimed() {
        fleet.shiftStarted("s1", "cour_1", "hoverboard", minutes(-60), LAT, LON);

        FleetState.Soonest soonest = fleet.soonestAt(LAT, LON, NOON, vehicle -> null);

        assertNull(soonest.courierId());
        assertEquals(1, soonest.availableCouriers());
    }

    @Test
    void tiesGoToTheSmallerCourierIdWhateverTheArrivalOrder() {
        // Waiting at the same corner.
        fleet.shiftStarted("s1", "cour_b", "bike", minutes(-60), LAT + 0.01, LON);
        fleet.shiftStarted("s2", "cour_a", "bike", minutes(-60), LAT + 0.01, LON);

        assertEquals("cour_a", fleet.soonestAt(LAT, LON, NOON, TWENTY_KMH).courierId());
    }
}
