package dev.forkcast.pipeline.marts;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.forkcast.pipeline.Columns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code marts.daily_kpis}: one row per day of placement (UTC), restaurant zone and cuisine that had at
 * least one order. The counts add up across rows (a week, a city); the rates do not, and are recomputed
 * from the counts when rows are combined.
 */
public final class DailyKpis {

    /**
     * The zone and cuisine of an order whose restaurant is not in the dimension. The order still counts,
     * under this name, rather than vanishing from the totals; the quality checks report such orders.
     */
    public static final String UNKNOWN = "unknown";

    private DailyKpis() {
    }

    /**
     * From {@code orders} shaped like {@code marts.fct_orders} and {@code restaurants} like
     * {@code marts.dim_restaurants}. {@code gross_value_cents} is the basket value of the orders not
     * cancelled (delivered or still in progress); {@code refund_requests} and {@code chargebacks} count
     * orders with the flag, not events. {@code on_time_rate} and {@code avg_delivery_minutes} are NULL on a
     * row where nothing was delivered.
     */
    public static Dataset<Row> kpis(Dataset<Row> orders, Dataset<Row> restaurants) {
        Columns.require(orders, "kpis", "restaurant_id", "placed_date", "status", "delivery_minutes", "is_on_time",
                "basket_value_cents", "is_refund_requested", "is_chargeback");
        Columns.require(restaurants, "kpis", "restaurant_id", "zone_id", "cuisine");

        // A left join: an order whose restaurant is missing keeps its place in the totals, as zone "unknown".
        Dataset<Row> placed = orders.join(restaurants.select("restaurant_id", "zone_id", "cuisine"), "restaurant_id",
                "left");
        Column delivered = col("status").equalTo("delivered");
        Column cancelled = col("status").equalTo("cancelled");
        Dataset<Row> counts = placed.groupBy(
                        col("placed_date").as("order_date"),
                        coalesce(col("zone_id"), lit(UNKNOWN)).as("zone_id"),
                        coalesce(col("cuisine"), lit(UNKNOWN)).as("cuisine"))
                .agg(count(lit(1)).as("orders"),
                        countWhere(delivered).as("delivered"),
                        countWhere(cancelled).as("cancelled"),
                        countWhere(col("status").equalTo("in_progress")).as("in_progress"),
                        countWhere(col("is_on_time")).as("on_time_deliveries"),
                        avg(when(delivered, col("delivery_minutes"))).as("avg_delivery_minutes"),
                        // sum() of no values is NULL; a day of nothing but cancellations grossed zero.
                        coalesce(sum(when(col("status").notEqual("cancelled"), col("basket_value_cents"))), lit(0L))
                                .as("gross_value_cents"),
                        countWhere(col("is_refund_requested")).as("refund_requests"),
                        countWhere(col("is_chargeback")).as("chargebacks"));
        return counts.select(
                col("order_date"),
                col("zone_id"),
                col("cuisine"),
                col("orders"),
                col("delivered"),
                col("cancelled"),
                col("in_progress"),
                col("on_time_deliveries"),
                // No otherwise: NULL when nothing was delivered, rather than a rate of 0 out of 0.
                when(col("delivered").gt(0), col("on_time_deliveries").divide(col("delivered"))).as("on_time_rate"),
                col("avg_delivery_minutes"),
                col("cancelled").divide(col("orders")).as("cancellation_rate"),
                col("gross_value_cents"),
                col("refund_requests"),
                col("chargebacks"));
    }

    /**
     * The days {@code orders} were placed on, one row each ({@code order_date}): the KPI days an incremental
     * run recomputes after these orders changed.
     */
    public static Dataset<Row> daysOf(Dataset<Row> orders) {
        Columns.require(orders, "daysOf", "placed_date");
        return orders.select(col("placed_date").as("order_date")).distinct();
    }

    /** How many rows satisfy {@code condition} (a NULL condition is not counted). */
    private static Column countWhere(Column condition) {
        return count(when(condition, lit(1)));
    }
}
