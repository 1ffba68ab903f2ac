package dev.forkcast.warehouse.features;

/**
 * How fast each kind of courier rides, for timing "the soonest courier" ({@link FleetState}). Today one
 * figure per vehicle: the average moving speed ({@code to_restaurant} and {@code to_customer} pings) over
 * a simulated month, by the query in the pipeline README. Traffic and weather change it by hour; the
 * model sees the hour and the weather and corrects for them, but the choice of courier does not, which
 * costs accuracy (the ML README measures how much). Learning the table by vehicle, hour and weather from
 * recent pings is the next step.
 */
public final class RideSpeeds {

    private RideSpeeds() {
    }

    /** Average moving speed in km/h of a vehicle ({@code bike}, {@code ebike}, {@code scooter}, {@code car}); null otherwise. */
    public static Double typicalKmh(String vehicle) {
        if (vehicle == null) {
            return null;
        }
        return switch (vehicle) {
            case "bike" -> 13.9;
            case "ebike" -> 17.5;
            case "scooter" -> 21.5;
            case "car" -> 23.8;
            default -> null;
        };
    }
}
