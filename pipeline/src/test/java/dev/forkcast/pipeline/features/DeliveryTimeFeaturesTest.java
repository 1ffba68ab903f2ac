package dev.forkcast.pipeline.features;

import static dev.forkcast.pipeline.features.History.NOON;
import static dev.forkcast.pipeline.features.History.daysBefore;
import static dev.forkcast.pipeline.features.History.minutesBefore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.forkcast.warehouse.features.FeatureCatalogue;
import dev.forkcast.warehouse.features.FleetState;
import dev.forkcast.warehouse.features.RideSpeeds;
import dev.forkcast.warehouse.features.RequestFeatures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class DeliveryTimeFeaturesTest {

    private static final Duration ONE_MILLI = Duration.ofMillis(1);

    private static History cityWithTwoRestaurants() {
        return new History()
                .restaurant("r1", 52.090, 5.120, 15, 4)
                .restaurant("r2", 52.100, 5.100, 20, 6);
    }

    @Test
    void theColumnsAreTheCataloguesInTableOrder() {
        History history = cityWithTwoRestaurants();
        history.order("o1", "r1", "c1", NOON);

        String[] columns = DeliveryTimeFeatures.build(history.fctOrders(), history.orderEvents(),
                history.dimRestaurants(), history.courierShifts(), history.couriers(), RideSpeeds.typicalOnly()).columns();

        List<String> expected = new ArrayList<>(FeatureCatalogue.DELIVERY_TIME.keyColumns());
        expected.addAll(FeatureCatalogue.DELIVERY_TIME.featureNames());
        expected.add(FeatureCatalogue.DELIVERY_TIME.label());
        assertEquals(expected, Arrays.asList(columns));
    }

    @Test
    void theSoonestCourierIsFoundInTheFleetAsReceivedBeforeTheOrder() {
        History history = cityWithTwoRestaurants()
                // An idle bike 1.1 km north of r1, and a car finishing a job next door in 4 minutes.
                .loggedIn("bike1", "bike", minutesBefore(NOON, 60), 52.100, 5.120)
                .loggedIn("car1", "car", minutesBefore(NOON, 60), 52.130, 5.120)
                .assigned("car1", "car", minutesBefore(NOON, 20), NOON.plus(Duration.ofMinutes(4)), 52.091, 5.120)
                // Received at the very instant of the order: not known yet.
                .loggedIn("car2", "car", NOON, 52.090, 5.120);
        history.order("o1", "r1", "c1", NOON).from("dev1", 52.080, 5.120).delivered(30);

        Row o1 = history.deliveryTime().get("o1");

        assertEquals("car", o1.getAs("courier_soonest_vehicle"));
        assertEquals(4.0, (double) o1.getAs("courier_soonest_wait_minutes"), 1e-9);
        assertEquals(4.0 + FleetState.rideMinutes(0.1112, 23.8), (double) o1.getAs("courier_soonest_arrival_minutes"), 0.01);
        assertEquals(2, (int) o1.getAs("couriers_available"));
        assertEquals(1, (int) o1.getAs("couriers_idle"));
        assertEquals(FleetState.rideMinutes(o1.getAs("distance_km"), RideSpeeds.typicalKmh("car")),
                (double) o1.getAs("courier_ride_minutes_estimate"), 1e-12);
        // The runner-up on another vehicle: the idle bike, 1.1 km away.
        assertEquals(FleetState.rideMinutes(1.1119, RideSpeeds.typicalKmh("bike"))
                        - (double) o1.getAs("courier_soonest_arrival_minutes"),
                (double) o1.getAs("courier_other_vehicle_gap_minutes"), 0.01);
        assertEquals(FleetState.rideMinutes(o1.getAs("distance_km"), RideSpeeds.typicalKmh("bike")),
                (double) o1.getAs("courier_other_vehicle_ride_minutes_estimate"), 1e-12);
    }

    @Test
    void couriersAreTimedWithTheSpeedsLearnedForTheOrdersDayHourAndWeather() {
        // The same fleet as above; but on this day, cars were learned to crawl at noon in the rain (every
        // History order is a rainy one), so the idle bike 1.1 km away is sooner than the car next door.
        RideSpeeds learned = new RideSpeeds.Builder()
                .add(RideSpeeds.dayOf(NOON), RideSpeeds.Window.WEEK, "car", 12, "rain", 500, 1.0)
                .add(RideSpeeds.dayOf(NOON), RideSpeeds.Window.WEEK, "bike", 12, "rain", 500, 11.0)
                .build();
        History history = cityWithTwoRestaurants()
                .loggedIn("bike1", "bike", minutesBefore(NOON, 60), 52.100, 5.120)
                .loggedIn("car1", "car", minutesBefore(NOON, 60), 52.130, 5.120)
                .assigned("car1", "car", minutesBefore(NOON, 20), NOON.plus(Duration.ofMinutes(4)), 52.091, 5.120)
                .rideSpeeds(learned);
        history.order("o1", "r1", "c1", NOON).from("dev1", 52.080, 5.120).delivered(30);

        Row o1 = history.deliveryTime().get("o1");

        assertEquals("bike", o1.getAs("courier_soonest_vehicle"));
        assertEquals(FleetState.rideMinutes(1.1119, 11.0), (double) o1.getAs("courier_soonest_arrival_minutes"), 0.01);
        assertEquals(FleetState.rideMinutes(o1.getAs("distance_km"), 11.0),
                (double) o1.getAs("courier_ride_minutes_estimate"), 1e-12);
    }

    @Test
    void anOrderJustPlacedHoldsItsCourierFromTheNextOrder() {
        History history = cityWithTwoRestaurants()
                .loggedIn("bike1", "bike", minutesBefore(NOON, 60), 52.091, 5.120)
                .loggedIn("bike2", "bike", minutesBefore(NOON, 60), 52.120, 5.120);
        history.order("o1", "r1", "c1", NOON).from("dev1", 52.080, 5.120);
        history.order("o2", "r1", "c2", NOON.plusSeconds(3)).from("dev2", 52.080, 5.120);

        Map<String, Row> features = history.deliveryTime();

        assertEquals(0.1112, (double) features.get("o1").getAs("courier_soonest_km"), 0.001);
        assertEquals(3.336, (double) features.get("o2").getAs("courier_soonest_km"), 0.001);
        assertEquals(1, (int) features.get("o2").getAs("couriers_available"));
    }

    @Test
    void withNobodyLoggedInTheFleetFeaturesAreNull() {
        History history = cityWithTwoRestaurants();
        history.order("o1", "r1", "c1", NOON).from("dev1", 52.080, 5.120);

        Row o1 = history.deliveryTime().get("o1");

        assertNull(o1.getAs("courier_soonest_arrival_minutes"));
        assertNull(o1.getAs("courier_ride_minutes_estimate"));
        assertNull(o1.getAs("courier_other_vehicle_gap_minutes"));
        assertEquals(0, (int) o1.getAs("couriers_available"));
    }

    @Test
    void requestFeaturesComeFromTheOrderAndItsRestaurant() {
        History history = cityWithTwoRestaurants();
        history.order("o1", "r1", "c1", NOON).from("dev1", 52.080, 5.130).delivered(31.5);

        Row o1 = history.deliveryTime().get("o1");

        assertEquals(12, (int) o1.getAs("hour_of_day"));
        assertEquals(3, (int) o1.getAs("day_of_week"));
        assertEquals(false, o1.getAs("is_weekend"));
        assertEquals("rain", o1.getAs("weather"));
        assertEquals(3, (int) o1.getAs("item_count"));
        assertEquals(2_000L, (long) o1.getAs("basket_value_cents"));
        assertEquals(RequestFeatures.distanceKm(52.090, 5.120, 52.080, 5.130), o1.getAs("distance_km"));
        assertEquals(15, (int) o1.getAs("restaurant_quoted_prep_minutes"));
        assertEquals(4, (int) o1.getAs("restaurant_kitchen_capacity"));
        assertEquals(31.5, (double) o1.getAs("delivery_minutes"));
    }

    @Test
    void prepAverageTakesPickupsReceivedInTheSevenDaysBeforeThePlacementStartIncludedEndExcluded() {
        History history = cityWithTwoRestaurants();
        Duration week = Duration.ofDays(7);
        history.order("at-window-start", "r1", "c2", daysBefore(NOON, 8)).pickedUp(NOON.minus(week), 10, NOON.minus(week));
        history.order("just-before-window", "r1", "c2", daysBefore(NOON, 8))
                .pickedUp(NOON.minus(week).minus(ONE_MILLI), 99, NOON.minus(week).minus(ONE_MILLI));
        history.order("just-before-noon", "r1", "c2", minutesBefore(NOON, 40))
                .pickedUp(NOON.minus(ONE_MILLI), 14, NOON.minus(ONE_MILLI));
        history.order("at-noon", "r1", "c2", minutesBefore(NOON, 40)).pickedUp(NOON, 50, NOON);
        history.order("other-restaurant", "r2", "c2", minutesBefore(NOON, 40))
                .pickedUp(minutesBefore(NOON, 5), 77, minutesBefore(NOON, 5));
        history.order("o1", "r1", "c1", NOON);

        Row o1 = history.deliveryTime().get("o1");

        assertEquals(12.0, (double) o1.getAs("restaurant_prep_minutes_avg_7d"));
    }

    @Test
    void prepAverageIsNullForARestaurantWithoutPickups() {
        History history = cityWithTwoRestaurants();
        history.order("other-restaurant", "r2", "c2", daysBefore(NOON, 1))
                .pickedUp(minutesBefore(NOON, 5), 77, minutesBefore(NOON, 5));
        history.order("o1", "r1", "c1", NOON);

        Row o1 = history.deliveryTime().get("o1");

        assertNull(o1.getAs("restaurant_prep_minutes_avg_7d"));
    }

    @Test
    void ordersLastThirtyMinutesCountPlacementsReceivedInTheWindowStartIncludedEndExcluded() {
        History history = cityWithTwoRestaurants();
        Duration half = Duration.ofMinutes(30);
        history.order("at-window-start", "r1", "c2", NOON.minus(half));
        history.order("just-before-window", "r1", "c2", NOON.minus(half).minus(ONE_MILLI));
        history.order("just-before-noon", "r1", "c2", NOON.minus(ONE_MILLI));
        history.order("at-noon", "r1", "c2", NOON);
        history.order("other-restaurant", "r2", "c2", minutesBefore(NOON, 10));
        history.order("o1", "r1", "c1", NOON);

        Row o1 = history.deliveryTime().get("o1");

        assertEquals(2, (int) o1.getAs("restaurant_orders_last_30m"));
        assertEquals(3, (int) o1.getAs("fleet_orders_last_30m"));
    }

    @Test
    void couriersOnShiftAreTheStartsMinusTheEndsReceivedBeforeThePlacement() {
        History history = cityWithTwoRestaurants()
                .shiftStarted("k1", minutesBefore(NOON, 120))
                .shiftStarted("k2", minutesBefore(NOON, 60))
                .shiftStarted("k3", NOON.minus(ONE_MILLI))
                .shiftEnded("k1", minutesBefore(NOON, 30))
                .shiftStarted("k4", NOON);
        history.order("earlier", "r2", "c2", minutesBefore(NOON, 10));
        history.order("o1", "r1", "c1", NOON);

        Row o1 = history.deliveryTime().get("o1");

        assertEquals(2, (int) o1.getAs("couriers_on_shift"));
        assertEquals(1, (int) o1.getAs("fleet_orders_last_30m"));
        assertEquals(0.5, (double) o1.getAs("fleet_load_30m"));
    }

    @Test
    void aShiftEndArrivingBeforeItsStartNeverMakesTheFleetNegativeAndNobodyOnShiftMeansNoLoad() {
        History history = cityWithTwoRestaurants()
                .shiftEnded("k1", minutesBefore(NOON, 10))
                .shiftStarted("k1", NOON.plus(Duration.ofMinutes(5)));
        history.order("o1", "r1", "c1", NOON);

        Row o1 = history.deliveryTime().get("o1");

        assertEquals(0, (int) o1.getAs("couriers_on_shift"));
        assertNull(o1.getAs("fleet_load_30m"));
    }
}
