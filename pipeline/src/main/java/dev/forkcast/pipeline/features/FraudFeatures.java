package dev.forkcast.pipeline.features;

import static dev.forkcast.pipeline.features.Timeline.millis;
import static dev.forkcast.pipeline.features.Timeline.moment;
import static dev.forkcast.pipeline.features.Timeline.moments;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import dev.forkcast.pipeline.Columns;
import dev.forkcast.warehouse.features.FeatureWindows;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code features.fraud}: one row per order, what the platform knew about the account, the device, the
 * card and the basket when the order was placed, and the label {@code is_fraud} (a chargeback arrived,
 * days later; {@code label_known_at} says when). History counts what had been received strictly before
 * the order (see {@link Timeline}); the order's own events never count.
 */
public final class FraudFeatures {

    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private FraudFeatures() {
    }

    /**
     * @param orders {@code marts.fct_orders}
     * @param orderEvents {@code staging.order_events}: receive times, the ordering device, the delivery point
     * @param paymentEvents {@code staging.payment_events}: the card, refund requests, chargebacks
     * @param customers {@code staging.customers}: signup time, device, home
     * @return exactly the columns of {@code features.fraud}, in table order
     */
    public static Dataset<Row> build(Dataset<Row> orders, Dataset<Row> orderEvents, Dataset<Row> paymentEvents,
                                     Dataset<Row> customers) {
        Columns.require(orders, "FraudFeatures", "order_id", "placed_at", "customer_id", "restaurant_id",
                "basket_value_cents", "has_promo", "is_chargeback");
        Columns.require(customers, "FraudFeatures", "customer_id", "signed_up_at", "device_id", "home_lat_approx",
                "home_lon_approx");

        Dataset<Row> known = orders
                .select("order_id", "placed_at", "customer_id", "restaurant_id", "basket_value_cents", "has_promo",
                        "is_chargeback")
                // Only the placement matters here: leaving the other events out makes the aggregation smaller.
                .join(OrderReceipts.lifecycle(orderEvents.filter(col("event_type").equalTo("order_placed")))
                        .select("order_id", "placed_received_at", "device_id", "delivery_lat_approx",
                                "delivery_lon_approx"), "order_id", "left")
                .join(OrderReceipts.payments(paymentEvents), "order_id", "left")
                .join(OrderReceipts.refunds(paymentEvents), "order_id", "left")
                .join(customers.select(col("customer_id"), col("signed_up_at"),
                        col("device_id").as("signup_device_id"), col("home_lat_approx"), col("home_lon_approx")),
                        "customer_id", "left");
        Dataset<Row> all = withDeviceHistory(withTypicalBasket(withCustomerHistory(known)), customers);

        Column placedAt = col("placed_at");
        // An account that signed up after the order was not known yet (and cannot have placed it): no age, no home.
        Column accountKnown = col("signed_up_at").leq(placedAt);
        return all.select(
                col("order_id"),
                placedAt,
                col("customer_id"),
                RequestFeatureColumns.hourOfDay(placedAt).as("hour_of_day"),
                RequestFeatureColumns.isNightOrder(placedAt).as("is_night_order"),
                col("basket_value_cents").cast("long").as("basket_value_cents"),
                col("basket_ratio"),
                when(accountKnown, millis(placedAt).minus(millis(col("signed_up_at"))).divide(MILLIS_PER_DAY))
                        .as("account_age_days"),
                when(accountKnown, RequestFeatureColumns.distanceKm(col("delivery_lat_approx"),
                        col("delivery_lon_approx"), col("home_lat_approx"), col("home_lon_approx")))
                        .as("km_from_home"),
                col("is_foreign_card"),
                col("accounts_on_device"),
                col("has_promo"),
                col("customer_orders_before"),
                col("customer_refunds_before"),
                col("is_chargeback").as("is_fraud"),
                col("chargeback_received_at").as("label_known_at"));
    }

    /**
     * Per customer, all history: {@code customer_orders_before} and {@code customer_refunds_before}. Each
     * order adds to its customer's timeline its placement arriving and each of its refund requests arriving.
     */
    private static Dataset<Row> withCustomerHistory(Dataset<Row> known) {
        Dataset<Row> timeline = Timeline.unfold(known, col("placed_at"), "customer_id",
                moment(col("placed_received_at"), lit(1).as("placement")),
                moments(col("refund_received_ats"), lit(1).as("refund")));
        Dataset<Row> windowed = timeline
                .withColumn("placed_before", Timeline.sumBefore("placement", "customer_id"))
                .withColumn("refunds_before", Timeline.sumBefore("refund", "customer_id"));

        // The window cannot tell this order's own moments from the others': take them out here.
        Column placedAt = col("placed_at");
        Column ownPlaced = when(col("placed_received_at").lt(placedAt), 1).otherwise(0);
        Column ownRefunds = when(col("refund_received_ats").isNull(), 0)
                .otherwise(size(filter(col("refund_received_ats"), at -> at.lt(placedAt))));
        return Timeline.orderRows(windowed, "placement", "refund")
                .withColumn("customer_orders_before", col("placed_before").minus(ownPlaced).cast("int"))
                .withColumn("customer_refunds_before", col("refunds_before").minus(ownRefunds).cast("int"))
                .drop("placed_before", "refunds_before", "refund_received_ats");
    }

    /**
     * Per restaurant, 30 days: {@code basket_ratio}, this basket over the restaurant's average basket. Each
     * order adds its basket to its restaurant's timeline when its placement arrives.
     */
    private static Dataset<Row> withTypicalBasket(Dataset<Row> known) {
        Dataset<Row> timeline = Timeline.unfold(known, col("placed_at"), "restaurant_id",
                moment(when(col("basket_value_cents").isNotNull(), col("placed_received_at")),
                        col("basket_value_cents").as("known_basket_cents"), lit(1).as("known_basket")));
        Dataset<Row> windowed = timeline
                .withColumn("basket_cents_in_window",
                        Timeline.sumWithin("known_basket_cents", "restaurant_id", FeatureWindows.TYPICAL_BASKET))
                .withColumn("baskets_in_window",
                        Timeline.sumWithin("known_basket", "restaurant_id", FeatureWindows.TYPICAL_BASKET));

        Column own = Timeline.ownMomentWithin(col("placed_received_at"), col("placed_at"), FeatureWindows.TYPICAL_BASKET)
                .and(col("basket_value_cents").isNotNull());
        Column cents = col("basket_cents_in_window").minus(when(own, col("basket_value_cents")).otherwise(0L));
        Column count = col("baskets_in_window").minus(when(own, 1L).otherwise(0L));
        // basket / (cents / count), written so no division by zero is ever attempted (Spark's ANSI mode throws).
        return Timeline.orderRows(windowed, "known_basket_cents", "known_basket")
                .withColumn("basket_ratio", when(count.gt(0).and(cents.gt(0)),
                        col("basket_value_cents").cast("double").multiply(count).divide(cents)))
                .drop("basket_cents_in_window", "baskets_in_window", "placed_received_at", "restaurant_id");
    }

    /**
     * Per device: {@code accounts_on_device}, accounts that had signed up on the ordering device at or
     * before the order (a signup is stamped by the server, so its time is when the platform knew it). The
     * ordering device is the one the order_placed event reports, else the account's own signup device.
     */
    private static Dataset<Row> withDeviceHistory(Dataset<Row> known, Dataset<Row> customers) {
        Dataset<Row> orders = known
                .withColumn("ordering_device_id", coalesce(col("device_id"), col("signup_device_id")))
                .drop("device_id", "signup_device_id");
        Dataset<Row> signups = customers.filter(col("device_id").isNotNull())
                .select(col("device_id").as("ordering_device_id"), col("signed_up_at").as("received_at"),
                        lit(1).as("signup"));
        Dataset<Row> timeline = Timeline.withEvents(Timeline.unfold(orders, col("placed_at"), "ordering_device_id"),
                signups, col("received_at"));

        Dataset<Row> windowed = timeline.withColumn("accounts_on_device",
                Timeline.sumUpTo("signup", "ordering_device_id").cast("int"));
        return Timeline.orderRows(windowed, "received_at", "signup", "ordering_device_id");
    }
}
