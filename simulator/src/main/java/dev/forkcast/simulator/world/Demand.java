package dev.forkcast.simulator.world;

import java.time.DayOfWeek;

/**
 * How many orders to expect at a given minute: a daily volume shaped by weekday, by hour (lunch and
 * dinner peaks) and by weather. Orders then arrive as a Poisson process with that rate.
 */
public final class Demand {

    /** Monday … Sunday: people order more at the weekend and on Friday night. */
    private static final double[] WEEKDAY = {0.85, 0.85, 0.90, 0.95, 1.20, 1.25, 1.10};

    /**
     * Share of a day's orders placed in each hour (00:00 … 23:00), summing to 1: quiet nights, a
     * lunch peak at 12-13 and a bigger dinner peak at 18-20.
     */
    private static final double[] HOURLY_SHARE = normalise(new double[] {
        0.8, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 1.8, 2.0, 2.8, 5.5,
        8.5, 7.5, 4.2, 3.4, 4.0, 7.0, 11.0, 12.0, 9.5, 6.0, 3.5, 1.8
    });

    private final double ordersPerDay;
    private final double rainMultiplier;
    private final double stormMultiplier;

    public Demand(double ordersPerDay, double rainMultiplier, double stormMultiplier) {
        this.ordersPerDay = ordersPerDay;
        this.rainMultiplier = rainMultiplier;
        this.stormMultiplier = stormMultiplier;
    }

    /** Expected orders placed in one minute of this weekday, hour and weather. */
    public double ordersPerMinute(DayOfWeek day, int hour, Weather weather) {
        double weatherFactor = switch (weather) {
            case CLEAR -> 1.0;
            case RAIN -> rainMultiplier;
            case STORM -> stormMultiplier;
        };
        return ordersPerDay * WEEKDAY[day.getValue() - 1] * HOURLY_SHARE[hour] / 60.0 * weatherFactor;
    }

    public static double hourlyShare(int hour) {
        return HOURLY_SHARE[hour];
    }

    private static double[] normalise(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] shares = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            shares[i] = weights[i] / sum;
        }
        return shares;
    }
}
