package dev.forkcast.pipeline.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import dev.forkcast.pipeline.Columns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * How the events of each order reached the platform: how many there were, whether one overtook another,
 * whether one came late. The facts themselves use event times, so none of this changes a leg; it tells
 * an analyst which orders were built from dirty arrivals.
 */
final class OrderArrivals {

    /**
     * An event received more than this after it happened is late. The simulator delays out-of-order events
     * by seconds to 3 minutes and late events by 20 minutes to 6 hours: 10 minutes lies between, so a
     * reordering is not called late and a late arrival always is. A phone clock running slow looks the
     * same (its event seems to arrive late); {@code is_placed_clock_corrected} tells the two apart.
     */
    static final String LATE_AFTER = "INTERVAL 10 MINUTES";

    private OrderArrivals() {
    }

    /**
     * One row per order with any order or payment event: {@code order_id, event_count,
     * has_out_of_order_events, has_late_events}.
     */
    static Dataset<Row> perOrder(Dataset<Row> orderEvents, Dataset<Row> paymentEvents) {
        Columns.require(orderEvents, "perOrder", "order_id", "event_id", "event_at", "received_at");
        Columns.require(paymentEvents, "perOrder", "order_id", "event_id", "event_at", "received_at");
        Dataset<Row> arrivals = orderEvents.select("order_id", "event_id", "event_at", "received_at")
                .unionByName(paymentEvents.select("order_id", "event_id", "event_at", "received_at"));
        // Every event that happened before this one (ties by arrival, so events of one instant never overtake
        // each other); event_id last makes the frame the same on every run.
        WindowSpec happenedBefore = Window.partitionBy("order_id")
                .orderBy(col("event_at"), col("received_at"), col("event_id"))
                .rowsBetween(Window.unboundedPreceding(), -1);
        return arrivals
                .withColumn("overtook_an_earlier_event",
                        max("received_at").over(happenedBefore).gt(col("received_at")))
                .withColumn("is_late", col("received_at").gt(col("event_at").plus(expr(LATE_AFTER))))
                .groupBy("order_id")
                .agg(count(lit(1)).cast("int").as("event_count"),
                        // The first event of an order has nothing before it: its frame is empty, the comparison NULL.
                        coalesce(max("overtook_an_earlier_event"), lit(false)).as("has_out_of_order_events"),
                        max("is_late").as("has_late_events"));
    }
}
