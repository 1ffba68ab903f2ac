package dev.forkcast.simulator.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.simulator.SimulationConfig;
import dev.forkcast.simulator.city.City;
import dev.forkcast.simulator.city.CityBuilder;
import dev.forkcast.simulator.city.Courier;
import dev.forkcast.simulator.city.Restaurant;
import dev.forkcast.simulator.world.Weather;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery model on a tiny hand-arranged world: one restaurant, one courier a kilometre away on
 * shift, a customer two kilometres the other way. Everything else held equal, one thing changes.
 */
class DeliveryModelTest {

    private static final long MONDAY = LocalDate.of(2026, 3, 2).toEpochDay() * 86_400_000L;
    /** 14:00: after the lunch rush, before the evening one. */
    private static final long AFTERNOON = MONDAY + 14 * 3_600_000L;
    private static final int HOUR = 14;
    private static final int ITEMS = 2;

    private final DeliveryModel model = new DeliveryModel(4.0);
    private Restaurant restaurant;
    private Courier[] couriers;
    private double customerX;
    private double customerY;

    @BeforeEach
    void buildATinyCity() {
        // Restaurant's constructor is the city package's business: a tiny built city gives us real ones.
        SimulationConfig tiny = SimulationConfig.withOverrides(Map.of(
                "city.restaurants", "20", "city.customers", "50", "city.couriers", "3"));
        City city = new CityBuilder(tiny, 1).build(MONDAY).city();
        restaurant = city.restaurants[0];
        couriers = city.couriers;
        for (Courier courier : couriers) {
            courier.acceptsJobsUntilMillis = 0;
        }
        // Towards the middle of the 12 km city, so both points stay on the map.
        double towardsCentre = restaurant.x < 6 ? 1 : -1;
        customerX = restaurant.x + 2 * towardsCentre;
        customerY = restaurant.y;
        couriers[0].acceptsJobsFromMillis = 0;
        couriers[0].acceptsJobsUntilMillis = Long.MAX_VALUE;
        couriers[0].freeAtMillis = 0;
        couriers[0].x = restaurant.x - towardsCentre;
        couriers[0].y = restaurant.y;
    }

    @Test
    void theSameOrderTakesLongerInAStormThanInClearWeather() {
        DeliveryPlan clear = plan(Weather.CLEAR);

        DeliveryPlan storm = plan(Weather.STORM);

        assertEquals(0, clear.courierIndex());
        assertEquals(0, storm.courierIndex());
        assertTrue(storm.deliveredMinutes() > clear.deliveredMinutes(),
                "storm " + storm.deliveredMinutes() + " min vs clear " + clear.deliveredMinutes() + " min");
    }

    @Test
    void aBusyKitchenHasTheFoodReadyLater() {
        double idleReady = plan(Weather.CLEAR).readyMinutes();
        for (int i = 0; i < restaurant.kitchenCapacity + 2; i++) {
            restaurant.startCooking(AFTERNOON + 30 * 60_000L);
        }

        double busyReady = plan(Weather.CLEAR).readyMinutes();

        assertTrue(busyReady > idleReady, "busy kitchen " + busyReady + " min vs idle " + idleReady + " min");
    }

    @Test
    void aCourierIsOfferedOnlyJobsPlacedWhileLoggedIn() {
        couriers[0].acceptsJobsFromMillis = AFTERNOON + 60_000;

        assertEquals(-1, plan(Weather.CLEAR).courierIndex(), "placed before the courier logged in");

        couriers[0].acceptsJobsFromMillis = AFTERNOON - 60_000;
        couriers[0].acceptsJobsUntilMillis = AFTERNOON;

        assertEquals(-1, plan(Weather.CLEAR).courierIndex(), "placed as the courier logged off");
    }

    @Test
    void withNoCourierOnShiftNobodyIsAssigned() {
        couriers[0].acceptsJobsUntilMillis = 0;

        DeliveryPlan plan = plan(Weather.CLEAR);

        assertEquals(-1, plan.courierIndex());
        assertTrue(Double.isNaN(plan.deliveredMinutes()), "delivered " + plan.deliveredMinutes());
    }

    @Test
    void theNoiseFactorIsAlwaysPositive() {
        SplittableRandom rng = new SplittableRandom(5);
        DeliveryModel noisy = new DeliveryModel(10.0);

        double smallest = Double.MAX_VALUE;
        for (double expectedMinutes : new double[] {0.5, 2, 10, 40}) {
            for (int i = 0; i < 10_000; i++) {
                smallest = Math.min(smallest, noisy.noiseFactor(expectedMinutes, rng));
            }
        }

        assertTrue(smallest > 0, "smallest factor " + smallest);
    }

    @Test
    void withoutNoiseTheFactorIsExactlyOne() {
        DeliveryModel exact = new DeliveryModel(0);

        double factor = exact.noiseFactor(25.0, new SplittableRandom(5));

        assertEquals(1.0, factor);
    }

    private DeliveryPlan plan(Weather weather) {
        return model.plan(restaurant, ITEMS, AFTERNOON, customerX, customerY, HOUR, weather, couriers);
    }
}
