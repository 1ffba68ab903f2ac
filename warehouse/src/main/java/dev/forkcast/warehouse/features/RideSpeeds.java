package dev.forkcast.warehouse.features;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
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
 *   <li>A figure learned from fewer than {@link #MIN_PINGS} pings is too noisy (each ping's speed is within
 *       15% of the ride's) and is not used.</li>
 *   <li>The speed of a vehicle, hour and weather is, in this order: the figure of the week before
 *       ({@link Window#WEEK}: recent, follows change); the figure of all history before the day
 *       ({@link Window#HISTORY}: storms blow a few hours a week, so a week rarely has enough of them at
 *       a given hour); the vehicle in that weather at any hour (history, pings-weighted: the weather's
 *       slow-down without the hour's traffic); the vehicle's {@link #typicalKmh typical speed} (also for
 *       an unknown weather).</li>
 * </ul>
 */
public final class RideSpeeds implements Serializable {

    private static final long serialVersionUID = 2L;

    /** Days of pings behind each day's recent figures: a week covers every hour of every weekday, and keeps up with change. */
    public static final int WINDOW_DAYS = 7;

    /**
     * Fewest pings a figure needs to be trusted: with each ping within ±15% of the ride's speed, 20 pings put
     * the mean within about 2% (one standard error).
     */
    public static final int MIN_PINGS = 20;

    /** The weathers the table knows (the events' vocabulary); anything else is an unknown weather. */
    public static final Set<String> WEATHERS = Set.of("clear", "rain", "storm");

    /** Which pings a row of the table was learned from (its {@code learned_over} column). */
    public enum Window {
        /** The {@link #WINDOW_DAYS} days before the row's day. */
        WEEK("week"),
        /** Every day before the row's day: for what a week rarely sees (storms come a few hours a week). */
        HISTORY("history");

        private final String column;

        Window(String column) {
            this.column = column;
        }

        /** The value in {@code features.ride_speeds.learned_over}. */
        public String column() {
            return column;
        }

        public static Window of(String column) {
            for (Window w : values()) {
                if (w.column.equals(column)) {
                    return w;
                }
            }
            throw new IllegalArgumentException("unknown learned_over '" + column + "'");
        }
    }

    private static final String ROWS = """
            SELECT day, learned_over, vehicle, hour_of_day, weather, pings, speed_kmh
            FROM features.ride_speeds
            WHERE day BETWEEN ? AND ?
            """;

    private record Cell(LocalDate day, String vehicle, int hourOfDay, String weather) implements Serializable {
    }

    private record AnyHour(LocalDate day, String vehicle, String weather) implements Serializable {
    }

    private final Map<Cell, Double> byHour;
    private final Map<AnyHour, Double> anyHour;

    private RideSpeeds(Map<Cell, Double> byHour, Map<AnyHour, Double> anyHour) {
        this.byHour = byHour;
        this.anyHour = anyHour;
    }

    /** No table at all: every speed is the vehicle's typical one. */
    public static RideSpeeds typicalOnly() {
        return new RideSpeeds(Map.of(), Map.of());
    }

    /**
     * Builds the answers from rows of the table, by the rules in the class comment. The any-hour figures are
     * summed in hour order, so the same rows give the same doubles whatever order they were added in (the
     * ETL collects them from Spark, the API reads them from SQL).
     */
    public static final class Builder {
        private final Map<Cell, double[]> week = new HashMap<>();
        private final Map<Cell, double[]> history = new HashMap<>();

        public Builder add(LocalDate day, Window window, String vehicle, int hourOfDay, String weather, long pings,
                           double speedKmh) {
            (window == Window.WEEK ? week : history).put(new Cell(day, vehicle, hourOfDay, weather),
                    new double[] {pings, speedKmh});
            return this;
        }

        public RideSpeeds build() {
            Map<Cell, Double> byHour = new HashMap<>();
            history.forEach((cell, figure) -> {
                if (figure[0] >= MIN_PINGS) {
                    byHour.put(cell, figure[1]);
                }
            });
            week.forEach((cell, figure) -> {
                if (figure[0] >= MIN_PINGS) {
                    byHour.put(cell, figure[1]);
                }
            });
            Map<AnyHour, double[]> sums = new HashMap<>();
            history.entrySet().stream()
                    .sorted(Comparator.comparingInt(e -> e.getKey().hourOfDay()))
                    .forEach(e -> {
                        Cell c = e.getKey();
                        double[] sum = sums.computeIfAbsent(new AnyHour(c.day(), c.vehicle(), c.weather()),
                                k -> new double[2]);
                        sum[0] += e.getValue()[0];
                        sum[1] += e.getValue()[0] * e.getValue()[1];
                    });
            Map<AnyHour, Double> anyHour = new HashMap<>();
            sums.forEach((key, sum) -> {
                if (sum[0] >= MIN_PINGS) {
                    anyHour.put(key, sum[1] / sum[0]);
                }
            });
            return new RideSpeeds(Map.copyOf(byHour), Map.copyOf(anyHour));
        }
    }

    /** The rows of {@code features.ride_speeds} for the UTC days of {@code from} through {@code to}. */
    public static RideSpeeds load(Connection c, Instant from, Instant to) throws SQLException {
        Builder table = new Builder();
        try (PreparedStatement s = c.prepareStatement(ROWS)) {
            s.setObject(1, dayOf(from));
            s.setObject(2, dayOf(to));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    table.add(rows.getObject("day", LocalDate.class), Window.of(rows.getString("learned_over")),
                            rows.getString("vehicle"), rows.getInt("hour_of_day"), rows.getString("weather"),
                            rows.getLong("pings"), rows.getDouble("speed_kmh"));
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
     * km/h of {@code vehicle} at {@code at} for an order placed at {@code hourOfDay} in {@code weather}, by the
     * first rule that has a figure; null for an unknown vehicle.
     */
    public Double kmh(Instant at, String vehicle, int hourOfDay, String weather) {
        if (vehicle == null) {
            return null;
        }
        if (weather != null) {
            LocalDate day = dayOf(at);
            Double learned = byHour.get(new Cell(day, vehicle, hourOfDay, weather));
            if (learned == null) {
                learned = anyHour.get(new AnyHour(day, vehicle, weather));
            }
            if (learned != null) {
                return learned;
            }
        }
        return typicalKmh(vehicle);
    }

    /** The speeds an order placed at {@code hourOfDay} in {@code weather} sees at {@code at}, by vehicle. */
    public Function<String, Double> forOrder(Instant at, int hourOfDay, String weather) {
        return vehicle -> kmh(at, vehicle, hourOfDay, weather);
    }

    /** How many (day, vehicle, hour, weather) cells have a figure of their own, from the week or the history. */
    public int learnedCells() {
        return byHour.size();
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
