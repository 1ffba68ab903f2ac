package dev.forkcast.simulator.world;

import java.util.random.RandomGenerator;

/**
 * The city's weather, one regime at a time, changing at most once an hour (a Markov chain: the next
 * hour depends only on this one). Rain and storms keep people home, so demand rises, and slow
 * couriers down.
 */
public enum Weather {
    CLEAR, RAIN, STORM;

    /**
     * Hourly transition probabilities, rows = from, columns = to (clear, rain, storm). Chosen so that
     * about 20% of hours are rainy and 2-3% stormy, and a storm lasts two to three hours.
     */
    private static final double[][] TRANSITIONS = {
        {0.950, 0.046, 0.004},
        {0.180, 0.790, 0.030},
        {0.100, 0.300, 0.600},
    };

    public Weather nextHour(RandomGenerator rng) {
        double u = rng.nextDouble();
        double[] row = TRANSITIONS[ordinal()];
        for (int to = 0; to < row.length; to++) {
            u -= row[to];
            if (u < 0) {
                return values()[to];
            }
        }
        return this;
    }

    public String wireName() {
        return name().toLowerCase();
    }
}
