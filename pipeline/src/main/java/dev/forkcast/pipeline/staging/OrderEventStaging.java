package dev.forkcast.pipeline.staging;

import static dev.forkcast.pipeline.staging.EventStaging.json;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.round;

import dev.forkcast.pipeline.Columns;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code staging.order_events}: the order life-cycle events, one row each, typed and renamed. The
 * customer's app reports {@code order_placed} with the phone's clock, so the clock rule of
 * {@link EventStaging} applies: a time from the future becomes the receive time, flagged.
 */
public final class OrderEventStaging {

    static final List<String> ORDER_EVENT_TYPES = List.of("order_placed", "order_accepted", "courier_assigned",
            "order_picked_up", "order_delivered", "order_cancelled");

    private OrderEventStaging() {
    }

    /** From de-duplicated events (see {@link EventStaging#firstArrivalOfEachEvent}). */
    public static Dataset<Row> orderEvents(Dataset<Row> events, String piiKey) {
        Columns.require(events, "orderEvents", "event_id", "event_type", "event_time", "kafka_timestamp", "body");
        Dataset<Row> withBody = EventStaging.withParsedBody(events);
        return withBody.filter(col("event_type").isin(ORDER_EVENT_TYPES.toArray()))
                .select(
                        col("event_id"),
                        json("$.order_id").as("order_id"),
                        col("event_type"),
                        EventStaging.clockCorrectedEventAt().as("event_at"),
                        col("kafka_timestamp").as("received_at"),
                        EventStaging.isFromTheFuture().as("is_clock_corrected"),
                        json("$.customer_id").as("customer_id"),
                        json("$.restaurant_id").as("restaurant_id"),
                        json("$.courier_id").as("courier_id"),
                        json("$.payload.basket_value_cents").cast("long").as("basket_value_cents"),
                        expr("aggregate(from_json(" + EventStaging.PARSED + ".payload.items,"
                                + " 'array<struct<quantity:int>>'), 0, (total, item) -> total + item.quantity)")
                                .as("item_count"),
                        round(json("$.payload.delivery_lat").cast("double"), 3).as("delivery_lat_approx"),
                        round(json("$.payload.delivery_lon").cast("double"), 3).as("delivery_lon_approx"),
                        Pseudonyms.keyedHash(json("$.payload.delivery_address"), piiKey).as("delivery_address_pseudonym"),
                        json("$.payload.device_id").as("device_id"),
                        json("$.payload.platform").as("platform"),
                        json("$.payload.promo_code").as("promo_code"),
                        json("$.payload.weather").as("weather"),
                        json("$.payload.quoted_prep_minutes").cast("int").as("quoted_prep_minutes"),
                        json("$.payload.vehicle").as("vehicle"),
                        json("$.payload.cancelled_by").as("cancelled_by"),
                        json("$.payload.reason").as("cancel_reason"),
                        // The kitchen's and the dispatcher's plan (optional fields: NULL when absent).
                        EventStaging.timestamp(json("$.payload.expected_ready_at")).as("expected_ready_at"),
                        EventStaging.timestamp(json("$.payload.expected_dropoff_at")).as("expected_dropoff_at"),
                        round(json("$.payload.dropoff_lat").cast("double"), 3).as("dropoff_lat_approx"),
                        round(json("$.payload.dropoff_lon").cast("double"), 3).as("dropoff_lon_approx"));
    }
}
