package dev.forkcast.simulator.city;

import dev.forkcast.simulator.SimulationConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds the city from the config and a seed: restaurants clustered downtown, homes spread around
 * the centre, couriers with vehicles and shifts. The same seed and config always build the same city.
 */
public final class CityBuilder {

    private static final long[] PRICE_BY_LEVEL_CENTS = {0, 750, 1150, 1650, 2400};
    /** Honest baskets hold about this many items on average (see the order generator). */
    public static final double MEAN_ITEMS_PER_BASKET = 2.2;
    private static final int MENU_SIZE = 12;

    private final SimulationConfig config;
    private final SplittableRandom rng;

    public CityBuilder(SimulationConfig config, long seed) {
        this.config = config;
        this.rng = new SplittableRandom(seed);
    }

    /** Builds the city, including the starting population signed up before {@code startMillis}. */
    public Built build(long startMillis) {
        CityMap map = new CityMap(config.citySizeKm, config.zoneKm, config.centerLat, config.centerLon);
        Restaurant[] restaurants = buildRestaurants(map);
        NearbyRestaurants nearby = new NearbyRestaurants(map, restaurants, config.deliveryRadiusKm);
        CustomerFactory factory = new CustomerFactory(map, nearby);
        List<Customer> population = buildPopulation(factory, startMillis);
        Courier[] couriers = buildCouriers(map);
        City city = new City(map, restaurants, couriers, nearby, population, CustomerFactory.MEAN_ORDERS_PER_DAY);
        return new Built(city, factory);
    }

    /** The city and the factory that keeps opening accounts in it (ids continue where the build stopped). */
    public record Built(City city, CustomerFactory customers) {
    }

    private Restaurant[] buildRestaurants(CityMap map) {
        Cuisine[] cuisines = Cuisine.values();
        Restaurant[] restaurants = new Restaurant[config.restaurants];
        double size = map.sizeKm();
        for (int i = 0; i < restaurants.length; i++) {
            // Six in ten restaurants sit downtown, the rest anywhere.
            boolean downtown = rng.nextDouble() < 0.6;
            double x = downtown ? map.clamp(size / 2 + rng.nextGaussian() * size / 6) : rng.nextDouble() * size;
            double y = downtown ? map.clamp(size / 2 + rng.nextGaussian() * size / 6) : rng.nextDouble() * size;
            Cuisine cuisine = cuisines[rng.nextInt(cuisines.length)];
            int priceLevel = Math.max(1, Math.min(4, cuisine.typicalPriceLevel + (int) Math.round(rng.nextGaussian() * 0.7)));
            double basePrep = cuisine.typicalPrepMinutes * Math.exp(rng.nextGaussian() * 0.25);
            int capacity = 2 + rng.nextInt(7);
            double popularity = Math.exp(rng.nextGaussian() * 0.8);
            String id = String.format("rest_%04d", i + 1);
            String[] itemIds = new String[MENU_SIZE];
            long[] prices = new long[MENU_SIZE];
            long priceSum = 0;
            for (int m = 0; m < MENU_SIZE; m++) {
                itemIds[m] = String.format("%s-m%02d", id, m + 1);
                prices[m] = Math.round(PRICE_BY_LEVEL_CENTS[priceLevel] * Math.exp(rng.nextGaussian() * 0.3) / 10.0) * 10;
                priceSum += prices[m];
            }
            long typicalBasket = Math.round(priceSum / (double) MENU_SIZE * MEAN_ITEMS_PER_BASKET);
            restaurants[i] = new Restaurant(i, id, Names.restaurantName(cuisine, rng), cuisine, priceLevel, x, y,
                    map.zoneIndex(x, y), basePrep, capacity, popularity, itemIds, prices, typicalBasket);
        }
        return restaurants;
    }

    private List<Customer> buildPopulation(CustomerFactory factory, long startMillis) {
        List<Customer> population = new ArrayList<>(config.customers);
        Device sharedFamilyDevice = null;
        for (int i = 0; i < config.customers; i++) {
            double[] home = factory.homeLocation(rng);
            // Accounts opened over the three years before the clock starts.
            long signedUp = startMillis - 86_400_000L - (long) (rng.nextDouble() * 3 * 365 * 86_400_000L);
            CustomerKind kind = rng.nextDouble() < config.refundAbuserShare ? CustomerKind.REFUND_ABUSER : CustomerKind.HONEST;
            // A few honest households share a tablet between two accounts: shared devices are not
            // always fraud, which keeps the device signal honest.
            Device device;
            if (sharedFamilyDevice != null) {
                device = sharedFamilyDevice;
                sharedFamilyDevice = null;
            } else {
                device = factory.newDevice(rng);
                if (rng.nextDouble() < 0.03) {
                    sharedFamilyDevice = device;
                }
            }
            population.add(factory.open(kind, home[0], home[1], signedUp, device, null, rng));
        }
        return population;
    }

    private Courier[] buildCouriers(CityMap map) {
        Vehicle[] vehicles = Vehicle.values();
        double[] vehicleShare = {0.35, 0.30, 0.25, 0.10};
        ShiftPattern[] shifts = ShiftPattern.values();
        Courier[] couriers = new Courier[config.couriers];
        for (int i = 0; i < couriers.length; i++) {
            double x = rng.nextDouble() * map.sizeKm();
            double y = rng.nextDouble() * map.sizeKm();
            Vehicle vehicle = vehicles[pick(vehicleShare)];
            double[] shiftShare = new double[shifts.length];
            for (int s = 0; s < shifts.length; s++) {
                shiftShare[s] = shifts[s].share;
            }
            ShiftPattern shift = shifts[pick(shiftShare)];
            // When this phone's clock is wrong, it is wrong by 1 to 15 minutes, either way.
            long clockError = (60_000L + (long) (rng.nextDouble() * 14 * 60_000L)) * (rng.nextBoolean() ? 1 : -1);
            couriers[i] = new Courier(String.format("cour_%04d", i + 1), vehicle, shift, x, y, map.zoneIndex(x, y),
                    clockError);
        }
        return couriers;
    }

    private int pick(double[] shares) {
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < shares.length; i++) {
            u -= shares[i];
            if (u < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
