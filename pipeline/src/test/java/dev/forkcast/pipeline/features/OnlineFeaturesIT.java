package dev.forkcast.pipeline.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.ingestion.landing.DirectLanding;
import dev.forkcast.pipeline.TestSpark;
import dev.forkcast.pipeline.job.EtlJob;
import dev.forkcast.pipeline.job.Progress;
import dev.forkcast.simulator.SimulationConfig;
import dev.forkcast.simulator.Simulator;
import dev.forkcast.simulator.truth.WarehouseTruthWriter;
import dev.forkcast.warehouse.ScratchDatabase;
import dev.forkcast.warehouse.features.DeliveryTimeHistory;
import dev.forkcast.warehouse.features.DeliveryTimeLookup;
import dev.forkcast.warehouse.features.FraudHistory;
import dev.forkcast.warehouse.features.FraudLookup;
import dev.forkcast.warehouse.features.RideSpeeds;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No training/serving skew: the online lookups the API uses ({@link DeliveryTimeLookup}, {@link FraudLookup},
 * plain SQL in the warehouse) give, for every order of a simulated city, the same history features the
 * Spark ETL wrote for training. Each order is looked up as of its own placement, leaving itself out, as if
 * it were a new order arriving at that instant.
 */
class OnlineFeaturesIT {

    /** A small, dirty city (late events and clock skew are what make "received before" matter). */
    private static final SimulationConfig CITY = SimulationConfig.withOverrides(Map.of(
            "city.restaurants", "60", "city.customers", "1500", "city.couriers", "40",
            "demand.orders_per_day", "400", "clock.days", "2", "dirt.late_rate", "0.02",
            "dirt.malformed_rate", "0.005", "dirt.wrong_type_rate", "0.005", "dirt.clock_skew_rate", "0.05"));
    private static final double TOLERANCE = 1e-9;
    private static final int SHOWN = 20;

    private static ScratchDatabase db;

    @BeforeAll
    static void landTwoDaysAndRunTheEtl() throws Exception {
        db = ScratchDatabase.create();
        try (DirectLanding landing = new DirectLanding(db.dataSource());
             WarehouseTruthWriter truth = new WarehouseTruthWriter(db.dataSource())) {
            new Simulator(CITY, 11, landing, truth).run();
        }
        new EtlJob(TestSpark.session(), db.settings(), "it-key", Progress.silent()).run(false);
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void deliveryTimeHistoryOnlineEqualsWhatTheEtlTrainedOn() throws Exception {
        DeliveryTimeLookup lookup = new DeliveryTimeLookup(db.dataSource());
        Mismatches mismatches = new Mismatches();
        int orders = 0;

        // The delivery point is a request feature: the API gets it from the order, here from its first placement.
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet etl = s.executeQuery("""
                     SELECT f.*, p.delivery_lat_approx, p.delivery_lon_approx
                     FROM features.delivery_time f
                     LEFT JOIN (SELECT DISTINCT ON (order_id) order_id, delivery_lat_approx, delivery_lon_approx
                                FROM staging.order_events WHERE event_type = 'order_placed'
                                ORDER BY order_id, received_at) p USING (order_id)
                     ORDER BY f.placed_at""")) {
            while (etl.next()) {
                orders++;
                String orderId = etl.getString("order_id");
                String weather = etl.getString("weather");
                DeliveryTimeHistory online = lookup.asOf(etl.getString("restaurant_id"),
                        etl.getTimestamp("placed_at").toInstant(), orderId);

                Mismatches.Order order = mismatches.of(orderId);
                order.same("restaurant_prep_minutes_avg_7d", doubleOf(etl, "restaurant_prep_minutes_avg_7d"),
                        online.restaurantPrepMinutesAvg7d());
                order.same("restaurant_orders_last_30m", etl.getInt("restaurant_orders_last_30m"),
                        online.restaurantOrdersLast30m());
                order.same("fleet_orders_last_30m", etl.getInt("fleet_orders_last_30m"), online.fleetOrdersLast30m());
                order.same("couriers_on_shift", etl.getInt("couriers_on_shift"), online.couriersOnShift());
                order.same("fleet_load_30m", doubleOf(etl, "fleet_load_30m"), online.fleetLoad30m());
                order.same("restaurant_quoted_prep_minutes", etl.getObject("restaurant_quoted_prep_minutes"),
                        online.restaurantQuotedPrepMinutes());
                order.same("restaurant_kitchen_capacity", etl.getObject("restaurant_kitchen_capacity"),
                        online.restaurantKitchenCapacity());
                order.same("distance_km", doubleOf(etl, "distance_km"), online.distanceKm(
                        doubleOf(etl, "delivery_lat_approx"), doubleOf(etl, "delivery_lon_approx")));
                order.same("courier_soonest_arrival_minutes", doubleOf(etl, "courier_soonest_arrival_minutes"),
                        online.courierSoonestArrivalMinutes(weather));
                order.same("courier_soonest_wait_minutes", doubleOf(etl, "courier_soonest_wait_minutes"),
                        online.courierSoonestWaitMinutes(weather));
                order.same("courier_soonest_km", doubleOf(etl, "courier_soonest_km"), online.courierSoonestKm(weather));
                order.same("courier_soonest_vehicle", etl.getString("courier_soonest_vehicle"),
                        online.courierSoonestVehicle(weather));
                order.same("couriers_available", etl.getObject("couriers_available"), online.couriersAvailable(weather));
                order.same("couriers_idle", etl.getObject("couriers_idle"), online.couriersIdle(weather));
                order.same("courier_ride_minutes_estimate", doubleOf(etl, "courier_ride_minutes_estimate"),
                        online.courierRideMinutesEstimate(doubleOf(etl, "distance_km"), weather));
                order.same("courier_other_vehicle_gap_minutes", doubleOf(etl, "courier_other_vehicle_gap_minutes"),
                        online.courierOtherVehicleGapMinutes(weather));
                order.same("courier_other_vehicle_ride_minutes_estimate",
                        doubleOf(etl, "courier_other_vehicle_ride_minutes_estimate"),
                        online.courierOtherVehicleRideMinutesEstimate(doubleOf(etl, "distance_km"), weather));
            }
        }

        assertTrue(orders > 500, "the city placed " + orders + " orders");
        mismatches.assertNone(orders);
    }

    @Test
    void theSecondDaysCouriersAreTimedWithSpeedsLearnedFromTheFirstDaysPings() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet days = s.executeQuery("SELECT min(placed_at) + interval '1 day' FROM features.delivery_time")) {
            days.next();
            java.time.Instant secondDay = days.getTimestamp(1).toInstant();
            // Without learned cells the equality above would only prove the typical speeds agree.
            assertTrue(RideSpeeds.load(c, secondDay, secondDay).learnedCells() >= 12,
                    "cells learned for " + secondDay);
            assertEquals(0, RideSpeeds.load(c, secondDay.minus(java.time.Duration.ofDays(1)),
                    secondDay.minus(java.time.Duration.ofDays(1))).learnedCells(), "the first day has no week behind it");
        }
    }

    @Test
    void oneFleetReplayAskedAboutEveryRestaurantEqualsEachRestaurantsOwnLookup() throws Exception {
        DeliveryTimeLookup lookup = new DeliveryTimeLookup(db.dataSource());
        List<String> restaurants = new ArrayList<>();
        List<Instant> instants = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT restaurant_id FROM marts.dim_restaurants ORDER BY restaurant_id")) {
                while (r.next()) {
                    restaurants.add(r.getString(1));
                }
            }
            restaurants.add("no-such-restaurant");
            // Twelve minutes spread over both days (a fixed pseudo-random pick), as the API's "now" asks them.
            try (ResultSet r = s.executeQuery("""
                    SELECT minute FROM (SELECT DISTINCT date_trunc('minute', placed_at) AS minute FROM marts.fct_orders) m
                    ORDER BY md5(minute::text) LIMIT 12""")) {
                while (r.next()) {
                    instants.add(r.getTimestamp(1).toInstant());
                }
            }
        }
        int compared = 0;

        for (Instant at : instants) {
            DeliveryTimeLookup.Fleet fleet = lookup.fleetAt(at);
            for (String restaurant : restaurants) {
                assertEquals(lookup.asOf(restaurant, at), lookup.asOf(restaurant, fleet), restaurant + " at " + at);
                compared++;
            }
        }

        assertEquals(12 * 61, compared);
    }

    @Test
    void fraudHistoryOnlineEqualsWhatTheEtlTrainedOn() throws Exception {
        FraudLookup lookup = new FraudLookup(db.dataSource());
        Mismatches mismatches = new Mismatches();
        int orders = 0;

        // The ordering device and the basket come with the request; here from the first placement and the fact.
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet etl = s.executeQuery("""
                     SELECT f.*, o.restaurant_id, o.basket_value_cents AS order_basket_cents, p.device_id
                     FROM features.fraud f
                     JOIN marts.fct_orders o USING (order_id)
                     LEFT JOIN (SELECT DISTINCT ON (order_id) order_id, device_id
                                FROM staging.order_events WHERE event_type = 'order_placed'
                                ORDER BY order_id, received_at) p USING (order_id)
                     ORDER BY f.placed_at""")) {
            while (etl.next()) {
                orders++;
                String orderId = etl.getString("order_id");
                FraudHistory online = lookup.asOf(etl.getString("customer_id"), etl.getString("restaurant_id"),
                        etl.getString("device_id"), etl.getTimestamp("placed_at").toInstant(), orderId);

                Mismatches.Order order = mismatches.of(orderId);
                order.same("customer_orders_before", etl.getInt("customer_orders_before"), online.customerOrdersBefore());
                order.same("customer_refunds_before", etl.getInt("customer_refunds_before"),
                        online.customerRefundsBefore());
                order.same("accounts_on_device", etl.getInt("accounts_on_device"), online.accountsOnDevice());
                order.same("account_age_days", doubleOf(etl, "account_age_days"), online.accountAgeDays());
                order.same("basket_ratio", doubleOf(etl, "basket_ratio"),
                        online.basketRatio(etl.getObject("order_basket_cents", Long.class)));
            }
        }

        assertTrue(orders > 500, "the city placed " + orders + " orders");
        mismatches.assertNone(orders);
    }

    private static Double doubleOf(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, Double.class);
    }

    /** Every feature that differs, by order: the test fails with the first few and the count. */
    private static final class Mismatches {

        private final List<String> found = new ArrayList<>();

        Order of(String orderId) {
            return new Order(orderId);
        }

        void assertNone(int orders) {
            assertEquals(List.of(), found.subList(0, Math.min(SHOWN, found.size())),
                    found.size() + " mismatches over " + orders + " orders, the first " + SHOWN + " shown");
        }

        final class Order {
            private final String orderId;

            Order(String orderId) {
                this.orderId = orderId;
            }

            void same(String feature, Object etl, Object online) {
                boolean equal = etl instanceof Double e && online instanceof Double o
                        ? Math.abs(e - o) <= TOLERANCE
                        : Objects.equals(etl, online);
                if (!equal) {
                    found.add(orderId + " " + feature + ": etl=" + etl + " online=" + online);
                }
            }
        }
    }
}
