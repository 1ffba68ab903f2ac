package dev.forkcast.pipeline.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.when;

import dev.forkcast.pipeline.Columns;
import dev.forkcast.warehouse.features.FeatureCatalogue;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * When the platform learned what about each order: one row per order with the receive time of its
 * events, and what its first copy of an event said. Features are built on receive times, because a
 * fact counts from the moment it arrived, not from the moment it happened.
 */
final class OrderReceipts {

    private OrderReceipts() {
    }

    /**
     * From {@code staging.order_events}: {@code order_id, placed_received_at, accepted_received_at,
     * picked_up_received_at} (the first receipt of each) and, from the first order_placed event received,
     * {@code device_id, delivery_lat_approx, delivery_lon_approx}. Select only what you need: Spark then
     * drops the other aggregates, and without the text column {@code device_id} it can aggregate in a hash
     * map instead of sorting.
     */
    static Dataset<Row> lifecycle(Dataset<Row> orderEvents) {
        Columns.require(orderEvents, "OrderReceipts.lifecycle", "order_id", "event_type", "received_at", "device_id",
                "delivery_lat_approx", "delivery_lon_approx");
        Column placedReceivedAt = receivedAtOf("order_placed");
        return orderEvents.filter(col("event_type").isin("order_placed", "order_accepted", "order_picked_up"))
                .groupBy("order_id").agg(
                        min(placedReceivedAt).as("placed_received_at"),
                        min(receivedAtOf("order_accepted")).as("accepted_received_at"),
                        min(receivedAtOf("order_picked_up")).as("picked_up_received_at"),
                        // min_by skips rows whose ordering is null, so only order_placed events are considered.
                        min_by(col("device_id"), placedReceivedAt).as("device_id"),
                        min_by(col("delivery_lat_approx"), placedReceivedAt).as("delivery_lat_approx"),
                        min_by(col("delivery_lon_approx"), placedReceivedAt).as("delivery_lon_approx"));
    }

    /**
     * From {@code staging.payment_events}: {@code order_id}, {@code is_foreign_card} from the first
     * authorisation received (its card issued outside {@link FeatureCatalogue#HOME_CARD_COUNTRY}; NULL
     * without one) and the receive time of the first chargeback ({@code chargeback_received_at}).
     */
    static Dataset<Row> payments(Dataset<Row> paymentEvents) {
        Columns.require(paymentEvents, "OrderReceipts.payments", "order_id", "event_type", "received_at",
                "card_country");
        return paymentEvents.groupBy("order_id").agg(
                // A flag, not the country text: fixed-width values let Spark aggregate in a hash map.
                min_by(col("card_country").notEqual(FeatureCatalogue.HOME_CARD_COUNTRY),
                        receivedAtOf("payment_authorized")).as("is_foreign_card"),
                min(receivedAtOf("chargeback_received")).as("chargeback_received_at"));
    }

    /**
     * From {@code staging.payment_events}: {@code order_id} and the receive times of its refund requests
     * ({@code refund_received_ats}, an array), for the orders that have any (a few in a hundred).
     */
    static Dataset<Row> refunds(Dataset<Row> paymentEvents) {
        Columns.require(paymentEvents, "OrderReceipts.refunds", "order_id", "event_type", "received_at");
        return paymentEvents.filter(col("event_type").equalTo("refund_requested"))
                .groupBy("order_id").agg(collect_list(col("received_at")).as("refund_received_ats"));
    }

    private static Column receivedAtOf(String eventType) {
        return when(col("event_type").equalTo(eventType), col("received_at"));
    }
}
