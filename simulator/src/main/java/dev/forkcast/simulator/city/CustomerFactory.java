package dev.forkcast.simulator.city;

import java.util.random.RandomGenerator;

/**
 * Opens customer accounts, honest or not, with ids in signup order. Used to build the starting
 * population and, while the clock runs, for every new signup.
 */
public final class CustomerFactory {

    /** Cards issued abroad: common for stolen cards, rare for the city's honest customers. */
    private static final String[] FOREIGN_CARD_COUNTRIES = {"DE", "BE", "GB", "FR", "US", "BR", "RO", "NG", "ID"};
    private static final String[] PLATFORMS = {"ios", "android", "web"};
    /** The average honest customer orders about once in five days. */
    public static final double MEAN_ORDERS_PER_DAY = 0.2;

    private final CityMap map;
    private final NearbyRestaurants nearby;
    private int nextCustomer = 1;
    private int nextDevice = 1;

    public CustomerFactory(CityMap map, NearbyRestaurants nearby) {
        this.map = map;
        this.nearby = nearby;
    }

    /** A new phone. */
    public Device newDevice(RandomGenerator rng) {
        return new Device(String.format("dev_%07d", nextDevice++), PLATFORMS[pickPlatform(rng)]);
    }

    /**
     * Opens an account of the given kind at (x, y), signing up at {@code signedUpAtMillis} on
     * {@code device}, optionally with a referral code.
     */
    public Customer open(CustomerKind kind, double x, double y, long signedUpAtMillis, Device device,
                         String referralCode, RandomGenerator rng) {
        String name = Names.personName(rng);
        boolean foreignCard = kind == CustomerKind.STOLEN_CARD ? rng.nextDouble() < 0.7 : rng.nextDouble() < 0.04;
        String cardCountry = foreignCard ? FOREIGN_CARD_COUNTRIES[rng.nextInt(FOREIGN_CARD_COUNTRIES.length)] : "NL";
        // Habits vary a lot between people: a gamma-like spread around the mean (the sum of two
        // exponentials has shape 2), so a few regulars place many of the orders.
        double habit = MEAN_ORDERS_PER_DAY * 0.5 * (-Math.log(1 - rng.nextDouble()) - Math.log(1 - rng.nextDouble()));
        device.accountSignedUp(signedUpAtMillis);
        return new Customer(String.format("cust_%06d", nextCustomer++), kind, name, Names.email(name, rng),
                Names.phone(rng), Names.address(x, y, rng), x, y, device,
                String.format("card_%012x", rng.nextLong() & 0xFFFF_FFFF_FFFFL), cardCountry, signedUpAtMillis,
                habit, favourites(x, y, rng), referralCode);
    }

    /** A home somewhere people live: half around the centre, half anywhere in the city. */
    public double[] homeLocation(RandomGenerator rng) {
        double size = map.sizeKm();
        if (rng.nextBoolean()) {
            return new double[] {map.clamp(size / 2 + rng.nextGaussian() * size / 4),
                map.clamp(size / 2 + rng.nextGaussian() * size / 4)};
        }
        return new double[] {rng.nextDouble() * size, rng.nextDouble() * size};
    }

    private int[] favourites(double x, double y, RandomGenerator rng) {
        int[] picks = new int[3];
        for (int i = 0; i < picks.length; i++) {
            picks[i] = nearby.pick(x, y, rng);
        }
        return picks;
    }

    private static int pickPlatform(RandomGenerator rng) {
        double u = rng.nextDouble();
        return u < 0.45 ? 0 : u < 0.85 ? 1 : 2;
    }
}
