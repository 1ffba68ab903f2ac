package dev.forkcast.simulator.delivery;

import dev.forkcast.simulator.city.CityMap;
import dev.forkcast.simulator.city.Courier;
import dev.forkcast.simulator.city.Restaurant;
import dev.forkcast.simulator.world.Traffic;
import dev.forkcast.simulator.world.Weather;
import java.util.random.RandomGenerator;

/**
 * How long a delivery takes, leg by leg:
 *
 * <pre>
 * placed ─accept─▶ accepted ─prep under kitchen load─▶ ready ┐
 * placed ─dispatch─▶ assigned ─courier finishes current job, rides to restaurant─▶ arrives ┤
 *                                               picked up = max(ready, arrives) + handling ┘
 *                                               ─ride (distance, vehicle, traffic, weather) + hand-off─▶ delivered
 * </pre>
 *
 * Dispatch reserves a courier seconds after placement (and announces it), so what the platform has heard
 * about its fleet is what the next order's dispatch sees; the courier sets off just in time to meet the
 * food, not earlier, so an early reservation does not leave couriers waiting at counters.
 *
 * {@link #plan} gives the expected timeline; {@link #noiseFactor} then stretches or shrinks every leg
 * together so that actual minus expected is a zero-mean noise of the configured spread.
 */
public final class DeliveryModel {

    /** Minutes for the courier to collect the bag at the counter. */
    static final double PICKUP_HANDLING_MINUTES = 2.0;
    /** Minutes from the kerb to the customer's door. */
    static final double DROPOFF_HANDLING_MINUTES = 2.5;
    /** Minutes from placement until dispatch has reserved a courier (automatic dispatch: seconds). */
    static final double DISPATCH_DELAY_MINUTES = 0.1;
    /** The noise is cut at this many standard deviations (symmetrically, so its mean stays 0). */
    static final double NOISE_CUT_SIGMAS = 3.0;

    private final double noiseMinutes;

    public DeliveryModel(double noiseMinutes) {
        this.noiseMinutes = noiseMinutes;
    }

    /**
     * The expected timeline of an order placed at {@code placedMillis} for {@code items} items from
     * {@code restaurant} to (x, y). Dispatch picks the on-shift courier who can reach the restaurant
     * soonest; returns a plan with courier -1 when nobody is on shift.
     */
    public DeliveryPlan plan(Restaurant restaurant, int items, long placedMillis, double x, double y, int hour,
                             Weather weather, Courier[] couriers) {
        double load = restaurant.load(placedMillis);
        double accepted = 1.0 + 1.5 * Math.min(load, 1.5);
        double prep = restaurant.basePrepMinutes * (1 + 0.15 * (items - 1)) * (1 + 0.9 * Math.max(0, load - 0.5));
        double ready = accepted + prep;
        double assigned = DISPATCH_DELAY_MINUTES;

        int best = -1;
        double bestDepart = 0;
        double bestArrive = Double.MAX_VALUE;
        for (int i = 0; i < couriers.length; i++) {
            Courier c = couriers[i];
            if (!c.acceptsJobsAt(placedMillis)) {
                continue;
            }
            double freeAt = Math.max(assigned, (c.freeAtMillis - placedMillis) / 60_000.0);
            double km = CityMap.distanceKm(c.x, c.y, restaurant.x, restaurant.y) * CityMap.ROAD_DETOUR_FACTOR;
            double arrive = freeAt + km / Traffic.speedKmh(c.vehicle, hour, weather) * 60;
            if (arrive < bestArrive) {
                best = i;
                bestDepart = freeAt;
                bestArrive = arrive;
            }
        }
        if (best < 0) {
            return new DeliveryPlan(-1, load, accepted, assigned, Double.NaN, Double.NaN, ready, Double.NaN,
                    Double.NaN, Double.NaN);
        }
        double rideKmh = Traffic.speedKmh(couriers[best].vehicle, hour, weather);
        // Just in time: a courier who would be early sets off later and reaches the counter as the food does.
        double early = ready - bestArrive;
        if (early > 0) {
            bestDepart += early;
            bestArrive = ready;
        }
        double pickedUp = Math.max(ready, bestArrive) + PICKUP_HANDLING_MINUTES;
        double rideKm = CityMap.distanceKm(restaurant.x, restaurant.y, x, y) * CityMap.ROAD_DETOUR_FACTOR;
        double delivered = pickedUp + rideKm / rideKmh * 60 + DROPOFF_HANDLING_MINUTES;
        return new DeliveryPlan(best, load, accepted, assigned, bestDepart, bestArrive, ready, pickedUp, delivered,
                rideKmh);
    }

    /**
     * The factor every leg is multiplied by: {@code 1 + noise / expected}, where the noise is
     * Normal(0, noiseMinutes) cut symmetrically at ±min(3σ, 0.8 × expected). The cut keeps the mean at
     * exactly 0 and stops any leg running backwards; it trims the spread to about 98.7% of σ.
     */
    public double noiseFactor(double expectedMinutes, RandomGenerator rng) {
        if (!(expectedMinutes > 0)) {
            throw new IllegalArgumentException("expected minutes must be positive, got " + expectedMinutes);
        }
        if (noiseMinutes == 0) {
            return 1.0;
        }
        double cut = Math.min(NOISE_CUT_SIGMAS * noiseMinutes, 0.8 * expectedMinutes);
        double noise;
        do {
            noise = rng.nextGaussian() * noiseMinutes;
        } while (Math.abs(noise) > cut);
        return 1 + noise / expectedMinutes;
    }
}
