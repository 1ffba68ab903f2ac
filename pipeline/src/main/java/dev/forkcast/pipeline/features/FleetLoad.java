package dev.forkcast.pipeline.features;

import static dev.forkcast.pipeline.features.Timeline.millis;
import static dev.forkcast.pipeline.features.Timeline.moment;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.forkcast.warehouse.features.FeatureWindows;
import java.time.Duration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The city-wide features of {@code features.delivery_time}: {@code fleet_orders_last_30m} (placements
 * received in the last 30 minutes) and {@code couriers_on_shift} (shift starts minus shift ends received
 * so far).
 *
 * <p>A restaurant's timeline is split by restaurant, but the city has no key to split by: one timeline of
 * all orders would sit in a single partition on one core (Spark warns "No Partition Defined"). So the
 * city's timeline is split by day, with two repairs at the day boundaries:
 * <ul>
 *   <li>a placement received in the last 30 minutes of a day is copied into the next day too, so an order
 *       just after midnight still sees the 30 minutes before it;</li>
 *   <li>each day starts from the shift balance the previous days ended with (their starts minus ends, a
 *       table of one row per day), added to the running balance within the day.</li>
 * </ul>
 */
final class FleetLoad {

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
    private static final long LOAD_MILLIS = FeatureWindows.LOAD.toMillis();

    static {
        if (LOAD_MILLIS > DAY_MILLIS) {
            throw new IllegalStateException("the load window must fit in a day: a placement is copied into the next day only");
        }
    }

    private FleetLoad() {
    }

    /** {@code orders} with {@code placed_at, placed_received_at}, plus the two city-wide features. */
    static Dataset<Row> withFleetLoad(Dataset<Row> orders, Dataset<Row> shifts) {
        Dataset<Row> shiftChanges = shifts
                .filter(col("event_type").isin("courier_shift_started", "courier_shift_ended"))
                .select(col("received_at"),
                        when(col("event_type").equalTo("courier_shift_started"), 1).otherwise(-1).as("shift_delta"));
        Column day = floor(col(Timeline.T).divide(DAY_MILLIS));
        Column inLastWindowOfItsDay = col("placement").isNotNull()
                .and(col(Timeline.T).minus(day.multiply(DAY_MILLIS)).geq(DAY_MILLIS - LOAD_MILLIS));
        Dataset<Row> timeline = Timeline.withEvents(
                        Timeline.unfold(orders, col("placed_at"), null,
                                moment(col("placed_received_at"), lit(1).as("placement"))),
                        shiftChanges, col("received_at"))
                .withColumn("day", explode(when(inLastWindowOfItsDay, array(day, day.plus(1))).otherwise(array(day))));

        Dataset<Row> windowed = timeline
                .withColumn("placed_in_window", Timeline.sumWithin("placement", "day", FeatureWindows.LOAD))
                .withColumn("shift_balance_today", Timeline.sumBefore("shift_delta", "day"));

        Column ownPlaced = Timeline.ownMomentWithin(col("placed_received_at"), col("placed_at"), FeatureWindows.LOAD);
        Column balance = col("shift_balance_today").plus(carriedBalance());
        return withBalanceCarriedIntoEachDay(Timeline.orderRows(windowed, "placement", "received_at", "shift_delta"),
                        shiftChanges)
                .withColumn("fleet_orders_last_30m",
                        col("placed_in_window").minus(when(ownPlaced, 1).otherwise(0)).cast("int"))
                // An end received before its start (a late start event) would make the balance negative
                // for a while; nobody can be less than zero couriers, so it is clipped at 0.
                .withColumn("couriers_on_shift", greatest(balance, lit(0L)).cast("int"))
                .drop("placed_in_window", "shift_balance_today", "day", "carried", "first_shift_day", "all_shifts");
    }

    /**
     * Joins, by day, the shift balance of all earlier days ({@code carried}), and for days outside the
     * table the first day with shifts and the balance of all shifts. Every table here has a row per day
     * at most: small enough to copy to every task.
     */
    private static Dataset<Row> withBalanceCarriedIntoEachDay(Dataset<Row> orders, Dataset<Row> shiftChanges) {
        Dataset<Row> daily = shiftChanges
                .groupBy(floor(millis(col("received_at")).divide(DAY_MILLIS)).as("shift_day"))
                .agg(sum("shift_delta").as("day_delta"));
        Dataset<Row> summary = daily.agg(min("shift_day").as("first_shift_day"), max("shift_day").as("last_shift_day"),
                sum("day_delta").as("all_shifts"));
        // Each day's starts minus ends count for every later day, up to the day after the last one with shifts.
        Dataset<Row> carried = daily.crossJoin(summary)
                .select(explode(sequence(col("shift_day").plus(1), col("last_shift_day").plus(1))).as("day"),
                        col("day_delta"))
                .groupBy("day").agg(sum("day_delta").as("carried"));
        return orders.join(broadcast(carried), new String[] {"day"}, "left")
                .crossJoin(broadcast(summary.select("first_shift_day", "all_shifts")));
    }

    /** The balance the earlier days ended with: 0 before the first shift, all shifts after the last. */
    private static Column carriedBalance() {
        return coalesce(col("carried"),
                when(col("day").gt(col("first_shift_day")), col("all_shifts")),
                lit(0L));
    }
}
