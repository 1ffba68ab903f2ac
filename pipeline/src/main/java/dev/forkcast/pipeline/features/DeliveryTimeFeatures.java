package dev.forkcast.pipeline.features;

import static dev.forkcast.pipeline.features.Timeline.millis;
import static dev.forkcast.pipeline.features.Timeline.moment;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.forkcast.pipeline.Columns;
import dev.forkcast.warehouse.features.FeatureWindows;
import dev.forkcast.warehouse.features.RideSpeeds;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code features.delivery_time}: one row per order, what the platform knew when it was placed about the
 * restaurant's kitchen and the fleet, and the label {@code delivery_minutes}. Every history feature
 * counts what had been received strictly before the order (see {@link Timeline}); the order's own
 * events never count.
 */
public final class DeliveryTimeFeatures {

    private static final long MILLIS_PER_MINUTE = 60_000L;

    private DeliveryTimeFeatures() {
    }

    /**
     * @param orders {@code marts.fct_orders}
     * @param orderEvents {@code staging.order_events}: receive times, the delivery point
     * @param restaurants {@code marts.dim_restaurants}
     * @param shifts {@code staging.courier_shifts}
     * @param couriers {@code staging.couriers}
     * @param speeds {@code features.ride_speeds}, as the API reads it
     * @return exactly the columns of {@code features.delivery_time}, in table order
     */
    public static Dataset<Row> build(Dataset<Row> orders, Dataset<Row> orderEvents, Dataset<Row> restaurants,
                                     Dataset<Row> shifts, Dataset<Row> couriers, RideSpeeds speeds) {
        Columns.require(orders, "DeliveryTimeFeatures", "order_id", "placed_at", "restaurant_id", "accepted_at",
                "picked_up_at", "weather", "item_count", "basket_value_cents", "delivery_minutes");
        Columns.require(restaurants, "DeliveryTimeFeatures", "restaurant_id", "lat", "lon", "quoted_prep_minutes",
                "kitchen_capacity");
        Columns.require(shifts, "DeliveryTimeFeatures", "event_type", "received_at");

        Dataset<Row> known = orders
                .select("order_id", "placed_at", "restaurant_id", "accepted_at", "picked_up_at", "weather",
                        "item_count", "basket_value_cents", "delivery_minutes")
                .join(OrderReceipts.lifecycle(orderEvents).select("order_id", "placed_received_at",
                        "accepted_received_at", "picked_up_received_at", "delivery_lat_approx", "delivery_lon_approx"),
                        "order_id", "left")
                .withColumn("prep_known_at", prepKnownAt())
                .withColumn("prep_millis", millis(col("picked_up_at")).minus(millis(col("accepted_at"))))
                .drop("accepted_at", "picked_up_at", "accepted_received_at", "picked_up_received_at");
        // dim_restaurants is one row per restaurant, small enough to copy to every task instead of shuffling.
        Dataset<Row> restaurantRows = broadcast(restaurants
                .select(col("restaurant_id"), col("lat").as("restaurant_lat"), col("lon").as("restaurant_lon"),
                        col("quoted_prep_minutes"), col("kitchen_capacity")));
        Dataset<Row> soonestCourier = FleetSupply.withSoonestCourier(
                        known.select("order_id", "placed_at", "placed_received_at", "restaurant_id", "weather")
                                .join(restaurantRows.select("restaurant_id", "restaurant_lat", "restaurant_lon"),
                                        "restaurant_id", "left"),
                        orderEvents, shifts, couriers, speeds)
                .drop("placed_at", "placed_received_at", "restaurant_id", "weather", "restaurant_lat", "restaurant_lon");
        Dataset<Row> all = withKitchenHistory(FleetLoad.withFleetLoad(known, shifts)).join(restaurantRows,
                "restaurant_id", "left").join(soonestCourier, "order_id", "left");

        Column placedAt = col("placed_at");
        Column onShift = col("couriers_on_shift");
        Column distanceKm = RequestFeatureColumns.distanceKm(col("restaurant_lat"), col("restaurant_lon"),
                col("delivery_lat_approx"), col("delivery_lon_approx"));
        return all.select(
                col("order_id"),
                placedAt,
                col("restaurant_id"),
                RequestFeatureColumns.hourOfDay(placedAt).as("hour_of_day"),
                RequestFeatureColumns.dayOfWeek(placedAt).as("day_of_week"),
                RequestFeatureColumns.isWeekend(placedAt).as("is_weekend"),
                col("weather"),
                col("item_count").cast("int").as("item_count"),
                col("basket_value_cents").cast("long").as("basket_value_cents"),
                distanceKm.as("distance_km"),
                col("quoted_prep_minutes").cast("int").as("restaurant_quoted_prep_minutes"),
                col("kitchen_capacity").cast("int").as("restaurant_kitchen_capacity"),
                col("restaurant_prep_minutes_avg_7d"),
                col("restaurant_orders_last_30m"),
                col("fleet_orders_last_30m"),
                onShift,
                when(onShift.gt(0), col("fleet_orders_last_30m").divide(onShift)).as("fleet_load_30m"),
                col("courier_soonest_arrival_minutes"),
                col("courier_soonest_wait_minutes"),
                col("courier_soonest_km"),
                col("courier_soonest_vehicle"),
                col("couriers_available"),
                col("couriers_idle"),
                FleetSupply.rideMinutesEstimate(distanceKm, col("courier_soonest_kmh"))
                        .as("courier_ride_minutes_estimate"),
                col("courier_other_vehicle_gap_minutes"),
                FleetSupply.rideMinutesEstimate(distanceKm, col("courier_other_vehicle_kmh"))
                        .as("courier_other_vehicle_ride_minutes_estimate"),
                col("delivery_minutes").cast("double").as("delivery_minutes"));
    }

    /**
     * When the platform knew how long an order's kitchen took: once both its acceptance and its pickup
     * had arrived (either may arrive late), and only if the facts hold both times.
     */
    private static Column prepKnownAt() {
        Column bothKnown = col("accepted_received_at").isNotNull().and(col("picked_up_received_at").isNotNull())
                .and(col("accepted_at").isNotNull()).and(col("picked_up_at").isNotNull());
        return when(bothKnown, greatest(col("accepted_received_at"), col("picked_up_received_at")));
    }

    /**
     * Per restaurant: {@code restaurant_prep_minutes_avg_7d} and {@code restaurant_orders_last_30m}. Each
     * order adds two moments to its restaurant's timeline: its placement arriving, its preparation time
     * becoming known.
     */
    private static Dataset<Row> withKitchenHistory(Dataset<Row> known) {
        Dataset<Row> timeline = Timeline.unfold(known, col("placed_at"), "restaurant_id",
                moment(col("placed_received_at"), lit(1).as("placement")),
                moment(col("prep_known_at"), col("prep_millis").as("known_prep_millis"), lit(1).as("known_prep")));
        Dataset<Row> windowed = timeline
                .withColumn("placed_in_window", Timeline.sumWithin("placement", "restaurant_id", FeatureWindows.LOAD))
                .withColumn("prep_millis_in_window",
                        Timeline.sumWithin("known_prep_millis", "restaurant_id", FeatureWindows.RESTAURANT_PREP))
                .withColumn("preps_in_window",
                        Timeline.sumWithin("known_prep", "restaurant_id", FeatureWindows.RESTAURANT_PREP));

        // The window cannot tell this order's own moments from the others': take them out here.
        Column placedAt = col("placed_at");
        Column ownPlaced = Timeline.ownMomentWithin(col("placed_received_at"), placedAt, FeatureWindows.LOAD);
        Column ownPrep = Timeline.ownMomentWithin(col("prep_known_at"), placedAt, FeatureWindows.RESTAURANT_PREP);
        Column preps = col("preps_in_window").minus(when(ownPrep, 1).otherwise(0));
        Column prepMillis = col("prep_millis_in_window").minus(when(ownPrep, col("prep_millis")).otherwise(0));
        return Timeline.orderRows(windowed, "placement", "known_prep_millis", "known_prep")
                .withColumn("restaurant_orders_last_30m",
                        col("placed_in_window").minus(when(ownPlaced, 1).otherwise(0)).cast("int"))
                .withColumn("restaurant_prep_minutes_avg_7d",
                        when(preps.gt(0), prepMillis.divide(preps.multiply(MILLIS_PER_MINUTE))))
                .drop("placed_in_window", "prep_millis_in_window", "preps_in_window", "prep_known_at", "prep_millis",
                        "placed_received_at");
    }
}
