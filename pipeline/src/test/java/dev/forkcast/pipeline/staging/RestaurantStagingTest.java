package dev.forkcast.pipeline.staging;

import static dev.forkcast.pipeline.staging.RawEvents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class RestaurantStagingTest {

    @Test
    void aJoinedRestaurantIsTypedAndKeepsItsNameInClear() {
        Dataset<Row> events = RawEvents.of(
                RawEvents.restaurantJoined("e-1", "2026-03-02T00:00:00Z", "2026-03-02T00:00:01Z", "rest_0042",
                        "Pizzeria Roma"),
                RawEvents.courierJoined("e-2", "2026-03-02T00:00:00Z", "2026-03-02T00:00:01Z", "cour_0007", "bike"));

        List<Row> restaurants = RestaurantStaging.restaurants(events).collectAsList();

        assertEquals(List.of(RowFactory.create("rest_0042", at("2026-03-02T00:00:00Z"), "Pizzeria Roma", "pizza", 2,
                52.090737, 5.121420, "z03", 6, 13)), restaurants);
    }

    @Test
    void theColumnsAreThoseOfStagingRestaurants() {
        Dataset<Row> restaurants = RestaurantStaging.restaurants(RawEvents.of());

        assertEquals("struct<restaurant_id:string,joined_at:timestamp,restaurant_name:string,cuisine:string,"
                + "price_level:int,lat:double,lon:double,zone_id:string,kitchen_capacity:int,quoted_prep_minutes:int>",
                restaurants.schema().simpleString());
    }

    @Test
    void aRestaurantAnnouncedByTwoRunsJoinedAtItsFirstAnnouncement() {
        Dataset<Row> events = RawEvents.of(
                RawEvents.restaurantJoined("e-second-run", "2026-03-09T00:00:00Z", "2026-03-09T00:00:01Z", "rest_0042",
                        "Pizzeria Roma"),
                RawEvents.restaurantJoined("e-first-run", "2026-03-02T00:00:00Z", "2026-03-02T00:00:01Z", "rest_0042",
                        "Pizzeria Roma"));

        List<Row> restaurants = RestaurantStaging.restaurants(events).select("restaurant_id", "joined_at")
                .collectAsList();

        assertEquals(List.of(RowFactory.create("rest_0042", at("2026-03-02T00:00:00Z"))), restaurants);
    }

    @Test
    void twoAnnouncementsOfTheSameInstantSettleByWhichArrivedFirst() {
        Dataset<Row> events = RawEvents.of(
                RawEvents.restaurantJoined("e-a", "2026-03-02T00:00:00Z", "2026-03-02T00:00:05Z", "rest_0042",
                        "Pizzeria Roma (late copy)"),
                RawEvents.restaurantJoined("e-b", "2026-03-02T00:00:00Z", "2026-03-02T00:00:01Z", "rest_0042",
                        "Pizzeria Roma"));

        List<Row> names = RestaurantStaging.restaurants(events).select("restaurant_name").collectAsList();

        assertEquals(List.of(RowFactory.create("Pizzeria Roma")), names);
    }
}
