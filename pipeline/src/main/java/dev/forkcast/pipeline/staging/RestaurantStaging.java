package dev.forkcast.pipeline.staging;

import static dev.forkcast.pipeline.staging.EventStaging.json;
import static org.apache.spark.sql.functions.col;

import dev.forkcast.pipeline.Columns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code staging.restaurants}: one row per restaurant, from {@code restaurant_joined} events. A
 * restaurant is a business, so its name and exact position are not personal data and stay in clear.
 * Every simulator run announces the starting city again; the first announcement is the restaurant.
 */
public final class RestaurantStaging {

    private RestaurantStaging() {
    }

    /** From de-duplicated events (see {@link EventStaging#firstArrivalOfEachEvent}). */
    public static Dataset<Row> restaurants(Dataset<Row> events) {
        Columns.require(events, "restaurants", "event_id", "event_type", "event_time", "kafka_timestamp", "body");
        Dataset<Row> withBody = EventStaging.withParsedBody(events);
        return EventStaging.firstAnnouncementOfEach(EventStaging.ofType(withBody, "restaurant_joined"), "$.restaurant_id")
                .select(
                        json("$.restaurant_id").as("restaurant_id"),
                        col("event_time").as("joined_at"),
                        json("$.payload.name").as("restaurant_name"),
                        json("$.payload.cuisine").as("cuisine"),
                        json("$.payload.price_level").cast("int").as("price_level"),
                        json("$.payload.lat").cast("double").as("lat"),
                        json("$.payload.lon").cast("double").as("lon"),
                        json("$.payload.zone_id").as("zone_id"),
                        json("$.payload.kitchen_capacity").cast("int").as("kitchen_capacity"),
                        json("$.payload.quoted_prep_minutes").cast("int").as("quoted_prep_minutes"));
    }
}
