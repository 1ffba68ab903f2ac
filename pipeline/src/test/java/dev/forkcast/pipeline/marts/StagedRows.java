package dev.forkcast.pipeline.marts;

import dev.forkcast.pipeline.TestSpark;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Rows shaped like the tables the marts read, built inline for transformation tests: only the columns a
 * test cares about are given, the others are NULL (or false, for the NOT NULL flags).
 */
final class StagedRows {

    /** staging.order_events (V5). */
    static final StructType ORDER_EVENTS = StructType.fromDDL("event_id string, order_id string, "
            + "event_type string, event_at timestamp, received_at timestamp, is_clock_corrected boolean, "
            + "customer_id string, restaurant_id string, courier_id string, basket_value_cents bigint, "
            + "item_count int, delivery_lat_approx double, delivery_lon_approx double, "
            + "delivery_address_pseudonym string, device_id string, platform string, promo_code string, "
            + "weather string, quoted_prep_minutes int, vehicle string, cancelled_by string, cancel_reason string");
    /** staging.payment_events (V6). */
    static final StructType PAYMENT_EVENTS = StructType.fromDDL("event_id string, order_id string, "
            + "customer_id string, event_type string, event_at timestamp, received_at timestamp, "
            + "is_clock_corrected boolean, amount_cents bigint, currency string, card_fingerprint_pseudonym string, "
            + "card_country string, payment_method string, reason string");
    /** What the job counts from staging.courier_pings. */
    static final StructType PING_COUNTS = StructType.fromDDL("order_id string, ping_count bigint");
    /** The columns of marts.fct_orders the daily KPIs read. */
    static final StructType FACTS = StructType.fromDDL("order_id string, restaurant_id string, placed_date date, "
            + "status string, delivery_minutes double, is_on_time boolean, basket_value_cents bigint, "
            + "is_refund_requested boolean, is_chargeback boolean");
    /** marts.dim_restaurants (V7). */
    static final StructType RESTAURANTS = StructType.fromDDL("restaurant_id string, restaurant_name string, "
            + "cuisine string, price_level int, zone_id string, lat double, lon double, kitchen_capacity int, "
            + "quoted_prep_minutes int, joined_at timestamp");

    private StagedRows() {
    }

    static Dataset<Row> rows(StructType schema, Row... rows) {
        return TestSpark.session().createDataFrame(List.of(rows), schema);
    }

    static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }

    /** An order event of any type with nothing but its times (placed, assigned and cancelled below add more). */
    static Row orderEvent(String eventId, String orderId, String type, String eventAt, String receivedAt) {
        return RowFactory.create(eventId, orderId, type, at(eventAt), at(receivedAt), false, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Customer cust_1 orders 3 items for 30.50 from rest_1 on an iPhone, in the rain, without a promo code. */
    static Row placed(String eventId, String orderId, String eventAt, String receivedAt) {
        return RowFactory.create(eventId, orderId, "order_placed", at(eventAt), at(receivedAt), false, "cust_1",
                "rest_1", null, 3050L, 3, 52.093, 5.119, "address-pseudonym", "dev_1", "ios", null, "rain", null, null,
                null, null);
    }

    /** The same order placed by a phone whose clock ran fast: staging took the receive time and flagged it. */
    static Row placedByAFastClock(String eventId, String orderId, String receivedAt) {
        return RowFactory.create(eventId, orderId, "order_placed", at(receivedAt), at(receivedAt), true, "cust_1",
                "rest_1", null, 3050L, 3, 52.093, 5.119, "address-pseudonym", "dev_1", "ios", null, "rain", null, null,
                null, null);
    }

    /** Courier cour_7 on a bike. */
    static Row assigned(String eventId, String orderId, String eventAt, String receivedAt) {
        return RowFactory.create(eventId, orderId, "courier_assigned", at(eventAt), at(receivedAt), false, null,
                "rest_1", "cour_7", null, null, null, null, null, null, null, null, null, null, "bike", null, null);
    }

    /** The restaurant cancels: its kitchen is overloaded. */
    static Row cancelled(String eventId, String orderId, String eventAt, String receivedAt) {
        return RowFactory.create(eventId, orderId, "order_cancelled", at(eventAt), at(receivedAt), false, "cust_1",
                "rest_1", null, null, null, null, null, null, null, null, null, null, null, null, "restaurant",
                "kitchen_overloaded");
    }

    /** A payment event with nothing but its times. */
    static Row paymentEvent(String eventId, String orderId, String type, String eventAt, String receivedAt) {
        return RowFactory.create(eventId, orderId, "cust_1", type, at(eventAt), at(receivedAt), false, null, null, null,
                null, null, null);
    }

    /** 30.50 EUR authorised on a Dutch card. */
    static Row authorized(String eventId, String orderId, String eventAt, String receivedAt) {
        return RowFactory.create(eventId, orderId, "cust_1", "payment_authorized", at(eventAt), at(receivedAt), false,
                3050L, "EUR", "card-pseudonym", "NL", "apple_pay", null);
    }

    static Row pings(String orderId, long count) {
        return RowFactory.create(orderId, count);
    }

    /** An order as the daily KPIs see it; delivery minutes and on-time only when delivered. */
    static Row fact(String orderId, String restaurantId, String placedDate, String status, Double deliveryMinutes,
                    long basketValueCents, boolean isRefundRequested, boolean isChargeback) {
        Boolean isOnTime = deliveryMinutes == null ? null : deliveryMinutes <= FactOrders.ON_TIME_MINUTES;
        return RowFactory.create(orderId, restaurantId, Date.valueOf(placedDate), status, deliveryMinutes, isOnTime,
                basketValueCents, isRefundRequested, isChargeback);
    }

    static Row restaurant(String restaurantId, String zoneId, String cuisine) {
        return RowFactory.create(restaurantId, "Restaurant " + restaurantId, cuisine, 2, zoneId, 52.09, 5.12, 6, 13,
                at("2026-03-01T00:00:00Z"));
    }
}
