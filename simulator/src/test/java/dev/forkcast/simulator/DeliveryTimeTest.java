package dev.forkcast.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.simulator.truth.OrderTruth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeliveryTimeTest {

    private static final double NOISE_MINUTES = 4.0;
    private static List<OrderTruth> orders;

    @BeforeAll
    static void simulateAFortnight() {
        // Storms are rare (2-3% of hours): a fortnight gives a few hundred stormy deliveries, and
        // meanExpectedMinutes refuses to compare fewer than 100.
        SimulationConfig config = SmallCity.config(14).with("delivery.noise_minutes", String.valueOf(NOISE_MINUTES));
        orders = SmallCity.run(config, 5).truth().orders;
    }

    @Test
    void deliveredMinusExpectedHasMeanZero() {
        double mean = delivered().mapToDouble(o -> o.actualDeliveryMinutes() - o.expectedDeliveryMinutes())
                .average().orElseThrow();

        // Standard error with ~10,000 deliveries is about 0.04 minutes.
        assertEquals(0.0, mean, 0.15);
    }

    @Test
    void deliveredMinusExpectedHasTheConfiguredSpread() {
        double[] errors = delivered().mapToDouble(o -> o.actualDeliveryMinutes() - o.expectedDeliveryMinutes())
                .toArray();

        double mean = java.util.Arrays.stream(errors).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(errors).map(e -> (e - mean) * (e - mean)).sum() / errors.length);

        // Normal(0, 4) cut at ±3σ has a spread of 0.987 × 4 = 3.95 minutes.
        assertEquals(0.987 * NOISE_MINUTES, sd, 0.15);
    }

    @Test
    void stormsLengthenDeliveries() {
        double clear = meanExpectedMinutes("clear");

        double storm = meanExpectedMinutes("storm");

        assertTrue(storm > clear + 5, "storm " + storm + " min vs clear " + clear + " min");
    }

    @Test
    void rainLengthensDeliveriesLessThanStorms() {
        double clear = meanExpectedMinutes("clear");
        double rain = meanExpectedMinutes("rain");

        double storm = meanExpectedMinutes("storm");

        assertTrue(rain > clear && rain < storm, "clear " + clear + ", rain " + rain + ", storm " + storm);
    }

    private static double meanExpectedMinutes(String weather) {
        long count = delivered().filter(o -> o.weather().equals(weather)).count();
        assertTrue(count > 100, "only " + count + " deliveries in " + weather);
        return delivered().filter(o -> o.weather().equals(weather))
                .mapToDouble(OrderTruth::expectedDeliveryMinutes).average().orElseThrow();
    }

    private static java.util.stream.Stream<OrderTruth> delivered() {
        return orders.stream().filter(o -> !o.cancelled());
    }
}
