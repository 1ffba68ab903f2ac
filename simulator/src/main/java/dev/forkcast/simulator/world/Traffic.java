package dev.forkcast.simulator.world;

import dev.forkcast.simulator.city.Vehicle;

/**
 * Road speed by hour and weather. Traffic slows motor vehicles in the rush hours; weather slows
 * everyone, two-wheelers most.
 */
public final class Traffic {

    /** Speed factor for a fully traffic-sensitive vehicle, by hour (1 = free roads). */
    private static final double[] TRAFFIC_BY_HOUR = {
        1.10, 1.10, 1.10, 1.10, 1.10, 1.05, 0.95, 0.75, 0.70, 0.85, 0.95, 0.90,
        0.85, 0.90, 0.95, 0.90, 0.80, 0.70, 0.72, 0.85, 0.95, 1.00, 1.05, 1.10
    };

    private Traffic() {
    }

    /** Travel speed in km/h for this vehicle at this hour in this weather. */
    public static double speedKmh(Vehicle vehicle, int hour, Weather weather) {
        double traffic = 1 - vehicle.trafficSensitivity * (1 - TRAFFIC_BY_HOUR[hour]);
        double weatherFactor = switch (weather) {
            case CLEAR -> 1.0;
            case RAIN -> 1 - (1 - vehicle.stormSpeedFactor) / 3;
            case STORM -> vehicle.stormSpeedFactor;
        };
        return vehicle.freeSpeedKmh * traffic * weatherFactor;
    }
}
