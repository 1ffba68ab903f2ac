package dev.forkcast.warehouse.features;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How fast each kind of courier rides, by hour and weather, as the platform had learned it on a given day:
 * the table {@code features.ride_speeds}, which the ETL fills from couriers' position pings and both the
 * ETL and the API read through this class, so the two time "the soonest courier" ({@link FleetState}) with
 * the same figures.
 *
 * <p>What a row means: on {@code day}, a {@code vehicle} riding an order placed at {@code hour_of_day} (UTC)
 * in {@code weather} moved at {@code speed_kmh} on average, over the moving pings ({@code to_restaurant},
 * {@code to_customer}) the platform could use in the {@link #WINDOW_DAYS} days before {@code day}. A ping is
 * usable once both it and its order's placement have been received (the order says which hour and weather
 * the ride belongs to). Traffic slows motor vehicles at rush hours and weather slows everyone, two-wheelers
 * most: one figure per vehicle got the dispatcher's choice of courier right 70% of the time, a table by
 * hour and weather 83% (the ML README measures it).
 *
 * <p>The rules, each a decision written down:
 * <ul>
 *   <li>The table of a moment is that of its UTC day: what was learned from pings usable before midnight.
 *       A day's table never sees that day's pings, so a feature never uses anything received after it.</li>
 *   <li>A cell learned from fewer than {@link #MIN_PINGS} pings is too noisy (each ping's speed is within
 *       15% of the ride's); then, and for an unknown weather or vehicle, the vehicle's
 *       {@link #typicalKmh typical speed} is used.</li>
 * </ul>
 */
public final class RideSpeeds implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Days of pings behind each day's table: a week covers every hour of every weekday, and keeps up with change. */
    public static final int WINDOW_DAYS = 7;

    /**
     * Fewest pings a cell needs to be trusted: with each ping within ±15% of the ride's speed, 20 pings put
     * the mean within about 2% (one standard error).
     */
    public static final int MIN_PINGS = 20;

    /** The weathers the table knows (the events' vocabulary); anything else is an unknown weather. */
    public static final Set<String> WEATHERS = Set.of("clear", "rain", "storm");

    private static final String ROWS = """
            SELECT day, vehicle, hour_of_day, weather, speed_kmh
            FROM features.ride_speeds
            WHERE day BETWEEN ? AND ? AND pings >= ?
            """;

    private record Cell(LocalDate day, String vehicle, int hourOfDay, String weather) implements Serializable {
    }

    private final Map<Cell, Double> kmh;

    private RideSpeeds(Map<Cell, Double> kmh) {
        this.kmh = kmh;
    }

    /** No table at all: every speed is the vehicle's typical one. */
    public static RideSpeeds typicalOnly() {
        return new RideSpeeds(Map.of());
    }

    /** Builds a table from rows; cells under {@link #MIN_PINGS} are left out (the typical speed answers there). */
    public static final class Builder {
        private final Map<Cell, Double> kmh = new HashMap<>();

        public Builder add(LocalDate day, String vehicle, int hourOfDay, String weather, long pings, double speedKmh) {
            if (pings >= MIN_PINGS) {
                kmh.put(new Cell(day, vehicle, hourOfDay, weather), speedKmh);
            }
            return this;
        }

        public RideSpeeds build() {
            return new RideSpeeds(Map.copyOf(kmh));
        }
    }

    /** The rows of {@code features.ride_speeds} for the UTC days of {@code from} through {@code to}. */
    public static RideSpeeds load(Connection c, Instant from, Instant to) throws SQLException {
        Builder table = new Builder();
        try (PreparedStatement s = c.prepareStatement(ROWS)) {
            s.setObject(1, dayOf(from));
            s.setObject(2, dayOf(to));
            s.setInt(3, MIN_PINGS);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    table.add(rows.getObject("day", LocalDate.class), rows.getString("vehicle"),
                            rows.getInt("hour_of_day"), rows.getString("weather"), MIN_PINGS,
                            rows.getDouble("speed_kmh"));
                }
            }
        }
        return table.build();
    }

    /** The UTC day whose table a moment uses. */
    public static LocalDate dayOf(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * km/h of {@code vehicle} at {@code at} for an order placed at {@code hourOfDay} in {@code weather}: the
     * learned cell, else the typical speed; null for an unknown vehicle.
     */
    public Double kmh(Instant at, String vehicle, int hourOfDay, String weather) {
        if (vehicle == null) {
            return null;
        }
        Double learned = weather == null ? null : kmh.get(new Cell(dayOf(at), vehicle, hourOfDay, weather));
        return learned != null ? learned : typicalKmh(vehicle);
    }

    /** The speeds an order placed at {@code hourOfDay} in {@code weather} sees at {@code at}, by vehicle. */
    public Function<String, Double> forOrder(Instant at, int hourOfDay, String weather) {
        return vehicle -> kmh(at, vehicle, hourOfDay, weather);
    }

    /** How many cells were learned well enough to be used. */
    public int learnedCells() {
        return kmh.size();
    }

    /**
     * Average moving speed in km/h of a vehicle ({@code bike}, {@code ebike}, {@code scooter}, {@code car})
     * over a simulated month, by the query in the pipeline README; null for anything else. The fallback
     * before a week of pings has been learned.
     */
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
