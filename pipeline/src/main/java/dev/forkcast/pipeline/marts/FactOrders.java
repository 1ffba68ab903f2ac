package dev.forkcast.pipeline.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import dev.forkcast.pipeline.Columns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * {@code marts.fct_orders}: one row per order whose {@code order_placed} event has arrived. An order's
 * events arrive one by one, in any order, some late; the fact puts them side by side: the time of each
 * leg, the status, the value, the payment and the fraud label once the bank has spoken.
 *
 * <p>Each leg is the {@code event_at} of its event (the earliest, should an order ever have two of one
 * type). The one rule that needs several events: a placed event that reached the platform more than
 * {@link #SLOW_CLOCK_TOLERANCE} after its time, yet before the restaurant accepted the order, was not
 * late (no restaurant accepts an order the platform has not heard of): the phone's clock ran slow, and
 * the order takes the receive time. Clocks running fast were corrected in staging already.
 */
public final class FactOrders {

    /** The platform's promise (V7: "is_on_time = delivered within 45 minutes"), what customers are told. */
    public static final int ON_TIME_MINUTES = 45;
    /**
     * Network and batching delay up to this much is normal, the same tolerance staging gives a clock from
     * the future; a placed event arriving later than this before it was accepted had a slow clock.
     */
    static final String SLOW_CLOCK_TOLERANCE = "INTERVAL 1 MINUTE";

    static final String PLACED = "order_placed";
    static final String ACCEPTED = "order_accepted";
    static final String ASSIGNED = "courier_assigned";
    static final String PICKED_UP = "order_picked_up";
    static final String DELIVERED = "order_delivered";
    static final String CANCELLED = "order_cancelled";
    static final String AUTHORIZED = "payment_authorized";
    static final String REFUND_REQUESTED = "refund_requested";
    static final String CHARGEBACK = "chargeback_received";

    private FactOrders() {
    }

    /**
     * From {@code staging.order_events} and {@code staging.payment_events} (one row per event_id) and
     * {@code pingCounts} ({@code order_id, ping_count}, counted from {@code staging.courier_pings}). An
     * order whose placed event has not arrived is left out: it is built in the run that brings it.
     */
    public static Dataset<Row> orders(Dataset<Row> orderEvents, Dataset<Row> paymentEvents, Dataset<Row> pingCounts) {
        Columns.require(orderEvents, "orders", "event_id", "order_id", "event_type", "event_at", "received_at",
                "is_clock_corrected", "customer_id", "restaurant_id", "courier_id", "basket_value_cents", "item_count",
                "weather", "platform", "promo_code", "vehicle", "cancelled_by", "cancel_reason");
        Columns.require(paymentEvents, "orders", "event_id", "order_id", "event_type", "event_at", "received_at",
                "amount_cents", "card_country");
        Columns.require(pingCounts, "orders", "order_id", "ping_count");

        Column slowClock = col("placed_received_at").gt(col("reported_placed_at").plus(expr(SLOW_CLOCK_TOLERANCE)))
                // Not accepted (yet) counts as "before it was accepted"; should the accept arrive later, the
                // order is rebuilt in that run.
                .and(col("accepted_at").isNull().or(col("placed_received_at").leq(col("accepted_at"))));
        Dataset<Row> facts = legs(orderEvents)
                .join(payments(paymentEvents), "order_id", "left")
                .join(OrderArrivals.perOrder(orderEvents, paymentEvents), "order_id", "left")
                .join(pingCounts.select("order_id", "ping_count"), "order_id", "left")
                .withColumn("placed_at",
                        when(slowClock, col("placed_received_at")).otherwise(col("reported_placed_at")))
                .withColumn("is_placed_clock_corrected", slowClock.or(col("is_placed_fast_clock")))
                .withColumn("delivery_minutes", minutesBetween("placed_at", "delivered_at"));
        return facts.select(
                col("order_id"),
                col("customer_id"),
                col("restaurant_id"),
                col("courier_id"),
                // The session speaks UTC (SparkSessions), so this is the UTC day, like every date in the marts.
                to_date(col("placed_at")).as("placed_date"),
                col("placed_at"),
                col("accepted_at"),
                col("assigned_at"),
                col("picked_up_at"),
                col("delivered_at"),
                col("cancelled_at"),
                when(col("delivered_at").isNotNull(), "delivered")
                        .when(col("cancelled_at").isNotNull(), "cancelled")
                        .otherwise("in_progress").as("status"),
                minutesBetween("placed_at", "accepted_at").as("minutes_to_accept"),
                minutesBetween("accepted_at", "picked_up_at").as("minutes_to_pickup"),
                minutesBetween("picked_up_at", "delivered_at").as("minutes_to_deliver"),
                col("delivery_minutes"),
                // No otherwise: NULL when not delivered, since "on time" is not yet (or never) known.
                when(col("delivery_minutes").isNotNull(), col("delivery_minutes").leq(ON_TIME_MINUTES))
                        .as("is_on_time"),
                col("basket_value_cents"),
                col("item_count"),
                col("weather"),
                col("platform"),
                col("promo_code").isNotNull().as("has_promo"),
                col("vehicle"),
                col("cancelled_by"),
                col("cancel_reason"),
                col("amount_cents"),
                col("card_country"),
                coalesce(col("is_refund_requested"), lit(false)).as("is_refund_requested"),
                col("chargeback_at").isNotNull().as("is_chargeback"),
                col("chargeback_at"),
                col("event_count"),
                coalesce(col("ping_count"), lit(0)).cast("int").as("ping_count"),
                col("is_placed_clock_corrected"),
                col("has_out_of_order_events"),
                col("has_late_events"));
    }

    /** One row per order with a placed event: the time of each leg and what the order's events say about it. */
    private static Dataset<Row> legs(Dataset<Row> orderEvents) {
        return firstOfEachType(orderEvents).groupBy("order_id")
                .agg(valueOf(PLACED, "event_at").as("reported_placed_at"),
                        valueOf(PLACED, "received_at").as("placed_received_at"),
                        valueOf(PLACED, "is_clock_corrected").as("is_placed_fast_clock"),
                        valueOf(ACCEPTED, "event_at").as("accepted_at"),
                        valueOf(ASSIGNED, "event_at").as("assigned_at"),
                        valueOf(PICKED_UP, "event_at").as("picked_up_at"),
                        valueOf(DELIVERED, "event_at").as("delivered_at"),
                        valueOf(CANCELLED, "event_at").as("cancelled_at"),
                        valueOf(PLACED, "customer_id").as("customer_id"),
                        valueOf(PLACED, "restaurant_id").as("restaurant_id"),
                        valueOf(PLACED, "basket_value_cents").as("basket_value_cents"),
                        valueOf(PLACED, "item_count").as("item_count"),
                        valueOf(PLACED, "weather").as("weather"),
                        valueOf(PLACED, "platform").as("platform"),
                        valueOf(PLACED, "promo_code").as("promo_code"),
                        valueOf(ASSIGNED, "courier_id").as("courier_id"),
                        valueOf(ASSIGNED, "vehicle").as("vehicle"),
                        valueOf(CANCELLED, "cancelled_by").as("cancelled_by"),
                        valueOf(CANCELLED, "cancel_reason").as("cancel_reason"))
                .filter(col("reported_placed_at").isNotNull());
    }

    /** One row per order with a payment event: the authorisation, and the labels refund and chargeback. */
    private static Dataset<Row> payments(Dataset<Row> paymentEvents) {
        return firstOfEachType(paymentEvents).groupBy("order_id")
                .agg(valueOf(AUTHORIZED, "amount_cents").as("amount_cents"),
                        valueOf(AUTHORIZED, "card_country").as("card_country"),
                        valueOf(REFUND_REQUESTED, "event_id").isNotNull().as("is_refund_requested"),
                        valueOf(CHARGEBACK, "event_at").as("chargeback_at"));
    }

    /**
     * The earliest event of each type of each order (then the first to arrive, then the lowest event_id,
     * so every run picks the same one). After de-duplication an order has one event per type; this makes
     * sure a second one could never double a fact.
     */
    private static Dataset<Row> firstOfEachType(Dataset<Row> events) {
        return events.withColumn("nth_of_type", row_number().over(Window.partitionBy("order_id", "event_type")
                        .orderBy(col("event_at"), col("received_at"), col("event_id"))))
                .filter(col("nth_of_type").equalTo(1))
                .drop("nth_of_type");
    }

    /**
     * A column of the order's event of one type, NULL when the order has none. Used on
     * {@link #firstOfEachType} (at most one such event per order), so the max is that event's value.
     */
    private static Column valueOf(String eventType, String column) {
        return max(when(col("event_type").equalTo(eventType), col(column)));
    }

    /** Minutes from one time to another, with the fraction (90 seconds = 1.5); NULL when either is missing. */
    private static Column minutesBetween(String from, String to) {
        return unix_micros(col(to)).minus(unix_micros(col(from))).divide(60_000_000.0);
    }
}
