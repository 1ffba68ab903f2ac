package dev.forkcast.pipeline.features;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import dev.forkcast.pipeline.Columns;
import dev.forkcast.warehouse.features.RideSpeeds;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

/**
 * {@code features.ride_speeds}: how fast each vehicle rode, by the hour and weather of the order it carried,
 * learned day by day from the couriers' moving pings of the week before (the rules are {@link RideSpeeds}'s,
 * which reads the table back for the ETL's replay and the API alike).
 *
 * <p>Two steps. First, per <em>usable day</em> (the UTC day by which both a ping and its order's placement
 * had been received), vehicle, hour and weather: the number of pings and the sum of their speeds. Then each
 * of those adds to the {@link RideSpeeds#WINDOW_DAYS} days after it (rows learned over the {@code week}) and
 * to every later day (rows learned over the {@code history}), and a day's mean is its sums divided. The
 * daily sums are a few hundred rows a day, so the second step is small whatever the ping count.
 */
public final class RideSpeedTable {

    /** The pings a speed is learned from: a courier on the way to the restaurant or the door, moving. */
    public static final List<String> MOVING = List.of("to_restaurant", "to_customer");

    /**
     * The highest believable speed (km/h): the staging check's ceiling for a ping. A phone's glitch above it
     * would drag a whole cell's mean.
     */
    static final double MAX_KMH = 80;

    private RideSpeedTable() {
    }

    /**
     * The SQL that reads only the pings a speed is learned from, so the database filters before Spark copies.
     */
    public static String movingPingsQuery() {
        return "(SELECT courier_id, order_id, received_at, speed_kmh FROM staging.courier_pings"
                + " WHERE job_status IN ('" + String.join("', '", MOVING) + "') AND order_id IS NOT NULL"
                + " AND speed_kmh > 0 AND speed_kmh <= " + MAX_KMH + ") AS q";
    }

    /**
     * @param pings moving pings: {@code courier_id, order_id, received_at, speed_kmh} ({@link #movingPingsQuery})
     * @param couriers {@code staging.couriers} (each courier's vehicle)
     * @param orders {@code marts.fct_orders} (the hour and weather a ride belongs to)
     * @param orderEvents {@code staging.order_events} (when each order's placement was first received)
     * @return the columns of {@code features.ride_speeds}: day, learned_over, vehicle, hour_of_day, weather, pings,
     *         speed_kmh
     */
    public static Dataset<Row> build(Dataset<Row> pings, Dataset<Row> couriers, Dataset<Row> orders,
                                     Dataset<Row> orderEvents) {
        Columns.require(pings, "RideSpeedTable", "courier_id", "order_id", "received_at", "speed_kmh");
        Columns.require(couriers, "RideSpeedTable", "courier_id", "vehicle");
        Columns.require(orders, "RideSpeedTable", "order_id", "placed_at", "weather");

        Dataset<Row> rides = orders
                .filter(col("weather").isin(RideSpeeds.WEATHERS.toArray()))
                .select(col("order_id"), RequestFeatureColumns.hourOfDay(col("placed_at")).as("hour_of_day"),
                        col("weather"))
                .join(OrderReceipts.lifecycle(orderEvents).select("order_id", "placed_received_at")
                        .filter(col("placed_received_at").isNotNull()), "order_id");
        Column usableAt = greatest(col("received_at"), col("placed_received_at"));
        Dataset<Row> daily = pings
                .filter(col("speed_kmh").gt(0).and(col("speed_kmh").leq(MAX_KMH)))
                .join(couriers.select("courier_id", "vehicle").filter(col("vehicle").isNotNull()), "courier_id")
                .join(rides, "order_id")
                .groupBy(to_date(usableAt).as("usable_day"), col("vehicle"), col("hour_of_day"), col("weather"))
                .agg(count(lit(1)).as("day_pings"), sum("speed_kmh").as("day_speed_sum"));

        return week(daily).unionByName(history(daily))
                // Rounded to a thousandth of a km/h: sums in a different order must not change a stored figure.
                .select(col("day"), col("learned_over"), col("vehicle"), col("hour_of_day").cast("int").as("hour_of_day"),
                        col("weather"), col("pings").cast("long").as("pings"),
                        round(col("speed_sum").divide(col("pings")), 3).as("speed_kmh"));
    }

    /** Each usable day informs the WINDOW_DAYS days after it (never its own: a day's table is fixed at midnight). */
    private static Dataset<Row> week(Dataset<Row> daily) {
        Column laterDay = explode(sequence(lit(1), lit(RideSpeeds.WINDOW_DAYS))).as("days_later");
        return daily.select(col("*"), laterDay)
                .groupBy(date_add(col("usable_day"), col("days_later")).as("day"), col("vehicle"), col("hour_of_day"),
                        col("weather"))
                .agg(sum("day_pings").as("pings"), sum("day_speed_sum").as("speed_sum"))
                .withColumn("learned_over", lit(RideSpeeds.Window.WEEK.column()));
    }

    /**
     * Each usable day informs every day after it, up to the day after the last one: a running sum per cell
     * over a grid of (cell, day), in day order (so the same pings always give the same sums).
     */
    private static Dataset<Row> history(Dataset<Row> daily) {
        Dataset<Row> days = daily.agg(functions.min("usable_day").as("first"), functions.max("usable_day").as("last"))
                .select(explode(sequence(date_add(col("first"), 1), date_add(col("last"), 1))).as("day"));
        Dataset<Row> cells = daily.select("vehicle", "hour_of_day", "weather").distinct();
        Dataset<Row> dayBefore = daily.select(date_add(col("usable_day"), 1).as("day"), col("vehicle"),
                col("hour_of_day"), col("weather"), col("day_pings"), col("day_speed_sum"));
        WindowSpec upToThisDay = Window.partitionBy("vehicle", "hour_of_day", "weather").orderBy("day")
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        return cells.crossJoin(days)
                .join(dayBefore, new String[] {"day", "vehicle", "hour_of_day", "weather"}, "left")
                .select(col("day"), col("vehicle"), col("hour_of_day"), col("weather"),
                        sum(coalesce(col("day_pings"), lit(0L))).over(upToThisDay).as("pings"),
                        sum(coalesce(col("day_speed_sum"), lit(0.0))).over(upToThisDay).as("speed_sum"))
                .filter(col("pings").gt(0))
                .withColumn("learned_over", lit(RideSpeeds.Window.HISTORY.column()));
    }

    /** The table as {@link RideSpeeds}, from rows of {@link #build} (collected: a few hundred rows a day). */
    public static RideSpeeds collect(Dataset<Row> table) {
        Columns.require(table, "RideSpeedTable.collect", "day", "learned_over", "vehicle", "hour_of_day", "weather",
                "pings", "speed_kmh");
        RideSpeeds.Builder speeds = new RideSpeeds.Builder();
        for (Row r : table.select("day", "learned_over", "vehicle", "hour_of_day", "weather", "pings", "speed_kmh")
                .collectAsList()) {
            Object day = r.get(0);
            LocalDate date = day instanceof LocalDate d ? d : ((java.sql.Date) day).toLocalDate();
            speeds.add(date, RideSpeeds.Window.of(r.getString(1)), r.getString(2), r.getInt(3), r.getString(4),
                    r.getLong(5), r.getDouble(6));
        }
        return speeds.build();
    }
}
