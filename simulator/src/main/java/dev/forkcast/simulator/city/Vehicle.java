package dev.forkcast.simulator.city;

/**
 * How a courier moves. Bikes ignore most traffic but suffer more in storms; cars are fast but stuck
 * in rush hour.
 */
public enum Vehicle {
    BIKE(15, 0.15, 0.60),
    EBIKE(19, 0.25, 0.65),
    SCOOTER(25, 0.80, 0.70),
    CAR(28, 1.00, 0.80);

    /** Average city speed in km/h with free roads and clear weather. */
    public final double freeSpeedKmh;
    /** How much of the traffic slowdown applies to this vehicle (0 = none, 1 = all of it). */
    public final double trafficSensitivity;
    /** Speed factor in a storm (rain costs a third of that loss). */
    public final double stormSpeedFactor;

    Vehicle(double freeSpeedKmh, double trafficSensitivity, double stormSpeedFactor) {
        this.freeSpeedKmh = freeSpeedKmh;
        this.trafficSensitivity = trafficSensitivity;
        this.stormSpeedFactor = stormSpeedFactor;
    }

    public String wireName() {
        return name().toLowerCase();
    }
}
