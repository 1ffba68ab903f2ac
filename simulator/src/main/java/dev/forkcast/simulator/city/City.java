package dev.forkcast.simulator.city;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Everything in the city that exists before the clock starts, plus the customers who join while it
 * runs. Built by {@link CityBuilder} from the config and the seed.
 */
public final class City {

    public final CityMap map;
    public final Restaurant[] restaurants;
    public final Courier[] couriers;
    public final NearbyRestaurants nearby;
    /** Customers who existed when the clock started (honest and refund abusers). */
    public final List<Customer> population;
    /** Honest customers who signed up while the clock ran. */
    public final List<Customer> newcomers = new ArrayList<>();
    private final double[] populationCumulativeRate;
    private final double newcomerOrdersPerDay;

    City(CityMap map, Restaurant[] restaurants, Courier[] couriers, NearbyRestaurants nearby,
         List<Customer> population, double newcomerOrdersPerDay) {
        this.map = map;
        this.restaurants = restaurants;
        this.couriers = couriers;
        this.nearby = nearby;
        this.population = population;
        this.newcomerOrdersPerDay = newcomerOrdersPerDay;
        this.populationCumulativeRate = new double[population.size()];
        double sum = 0;
        for (int i = 0; i < population.size(); i++) {
            sum += population.get(i).ordersPerDay;
            populationCumulativeRate[i] = sum;
        }
    }

    /**
     * The customer behind the next habitual order: customers who order more often are picked more
     * often, and newcomers take their share as they arrive.
     */
    public Customer pickOrderingCustomer(RandomGenerator rng) {
        double populationRate = populationCumulativeRate[populationCumulativeRate.length - 1];
        double newcomerRate = newcomers.size() * newcomerOrdersPerDay;
        double target = rng.nextDouble() * (populationRate + newcomerRate);
        if (target >= populationRate && !newcomers.isEmpty()) {
            return newcomers.get(rng.nextInt(newcomers.size()));
        }
        int i = java.util.Arrays.binarySearch(populationCumulativeRate, target);
        int slot = i >= 0 ? i : -i - 1;
        return population.get(Math.min(slot, population.size() - 1));
    }
}
