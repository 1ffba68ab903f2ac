package dev.forkcast.pipeline.quality;

import static dev.forkcast.pipeline.quality.Checks.acceptedValues;
import static dev.forkcast.pipeline.quality.Checks.freshness;
import static dev.forkcast.pipeline.quality.Checks.notNull;
import static dev.forkcast.pipeline.quality.Checks.range;
import static dev.forkcast.pipeline.quality.Checks.reconciliation;
import static dev.forkcast.pipeline.quality.Checks.relationship;
import static dev.forkcast.pipeline.quality.Checks.rule;
import static dev.forkcast.pipeline.quality.Checks.unique;

import dev.forkcast.pipeline.quality.Check.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of each layer. The run's scratch tables they refer to: {@code ops.run_input_counts}
 * (events read from raw per type, after de-duplication), {@code ops.run_touched_orders} (orders with a
 * new event this run) and {@code ops.run_affected_days} (days whose KPIs this run recomputes).
 */
public final class LayerChecks {

    public static final String INPUT_COUNTS = "ops.run_input_counts";
    public static final String TOUCHED_ORDERS = "ops.run_touched_orders";
    public static final String AFFECTED_DAYS = "ops.run_affected_days";

    private static final String STAGING = "staging";
    private static final String MARTS = "marts";
    private static final String FEATURES = "features";

    private LayerChecks() {
    }

    public static List<Check> staging() {
        List<Check> checks = new ArrayList<>();
        for (String table : List.of("staging.order_events", "staging.payment_events", "staging.courier_shifts",
                "staging.courier_pings")) {
            checks.add(unique(STAGING, table, "event_id"));
            checks.add(notNull(STAGING, table, "event_at"));
            checks.add(notNull(STAGING, table, "received_at"));
        }
        checks.add(unique(STAGING, "staging.customers", "customer_id"));
        checks.add(unique(STAGING, "staging.restaurants", "restaurant_id"));
        checks.add(unique(STAGING, "staging.couriers", "courier_id"));
        checks.add(notNull(STAGING, "staging.order_events", "order_id"));
        checks.add(notNull(STAGING, "staging.payment_events", "order_id"));
        checks.add(notNull(STAGING, "staging.customers", "device_id"));
        checks.add(notNull(STAGING, "staging.customers", "email_pseudonym"));
        checks.add(notNull(STAGING, "staging.courier_pings", "courier_id"));
        checks.add(acceptedValues(STAGING, "staging.order_events", "weather", Severity.ERROR, "clear", "rain", "storm"));
        checks.add(acceptedValues(STAGING, "staging.order_events", "platform", Severity.WARN, "ios", "android", "web"));
        checks.add(acceptedValues(STAGING, "staging.couriers", "vehicle", Severity.ERROR, "bike", "ebike", "scooter", "car"));
        checks.add(acceptedValues(STAGING, "staging.payment_events", "currency", Severity.WARN, "EUR"));
        checks.add(range(STAGING, "staging.order_events", "basket_value_cents", Severity.ERROR, 1, 100_000));
        checks.add(range(STAGING, "staging.order_events", "item_count", Severity.ERROR, 1, 50));
        checks.add(range(STAGING, "staging.courier_pings", "battery_pct", Severity.WARN, 0, 100));
        checks.add(range(STAGING, "staging.courier_pings", "speed_kmh", Severity.WARN, 0, 80));
        checks.add(relationship(STAGING, "staging.order_events", "restaurant_id", "restaurants",
                either("staging.restaurants", "restaurant_id"), "restaurant_id"));
        checks.add(relationship(STAGING, "staging.order_events", "customer_id", "customers",
                either("staging.customers", "customer_id"), "customer_id"));
        checks.add(relationship(STAGING, "staging.order_events", "courier_id", "couriers",
                either("staging.couriers", "courier_id"), "courier_id"));
        // Raw to staging: every event read (after de-duplication) is in exactly one staging table.
        checks.add(reconciliation("events", STAGING, "staging.order_events",
                inputEvents("'order_placed', 'order_accepted', 'courier_assigned', 'order_picked_up', 'order_delivered', 'order_cancelled'"),
                "SELECT count(*) FROM staging.order_events_load"));
        checks.add(reconciliation("events", STAGING, "staging.payment_events",
                inputEvents("'payment_authorized', 'refund_requested', 'chargeback_received'"),
                "SELECT count(*) FROM staging.payment_events_load"));
        checks.add(reconciliation("events", STAGING, "staging.courier_shifts",
                inputEvents("'courier_shift_started', 'courier_shift_ended'"),
                "SELECT count(*) FROM staging.courier_shifts_load"));
        checks.add(reconciliation("events", STAGING, "staging.courier_pings", inputEvents("'courier_location_pinged'"),
                "SELECT count(*) FROM staging.courier_pings_load"));
        checks.add(new Check("accepted_values__raw.events__event_type", STAGING, "raw.events", "accepted_values",
                Severity.ERROR, "SELECT COALESCE(sum(events), 0) FROM " + INPUT_COUNTS + " WHERE NOT is_known_type",
                "SELECT 'unknown: ' || string_agg(event_type, ', ') FROM " + INPUT_COUNTS + " WHERE NOT is_known_type"));
        return checks;
    }

    public static List<Check> marts() {
        String fct = "marts.fct_orders";
        List<Check> checks = new ArrayList<>();
        checks.add(unique(MARTS, fct, "order_id"));
        for (String column : List.of("customer_id", "restaurant_id", "placed_at", "placed_date", "status")) {
            checks.add(notNull(MARTS, fct, column));
        }
        checks.add(acceptedValues(MARTS, fct, "status", Severity.ERROR, "delivered", "cancelled", "in_progress"));
        checks.add(range(MARTS, fct, "delivery_minutes", Severity.ERROR, 0, 360));
        checks.add(rule("delivered_has_minutes", MARTS, fct, Severity.ERROR,
                "status <> 'delivered' OR delivery_minutes IS NOT NULL"));
        checks.add(rule("legs_in_order", MARTS, fct, Severity.WARN,
                "(accepted_at IS NULL OR accepted_at >= placed_at) AND (picked_up_at IS NULL OR picked_up_at >= accepted_at)"
                        + " AND (delivered_at IS NULL OR delivered_at >= picked_up_at)"));
        checks.add(relationship(MARTS, fct, "restaurant_id", "dim_restaurants", "SELECT restaurant_id FROM marts.dim_restaurants_load", "restaurant_id"));
        checks.add(relationship(MARTS, fct, "customer_id", "dim_customers", "SELECT customer_id FROM marts.dim_customers_load", "customer_id"));
        checks.add(relationship(MARTS, fct, "courier_id", "dim_couriers", "SELECT courier_id FROM marts.dim_couriers_load", "courier_id"));
        checks.add(relationship(MARTS, fct, "placed_date", "dim_date", "SELECT date_day FROM marts.dim_date_load", "date_day"));
        checks.add(unique(MARTS, "marts.dim_restaurants", "restaurant_id"));
        checks.add(unique(MARTS, "marts.dim_customers", "customer_id"));
        checks.add(unique(MARTS, "marts.dim_couriers", "courier_id"));
        checks.add(unique(MARTS, "marts.dim_date", "date_day"));
        // Staging to marts: every touched order that has its placed event is one fact row.
        checks.add(reconciliation("orders", MARTS, fct,
                "SELECT count(*) FROM " + TOUCHED_ORDERS + " t WHERE EXISTS (SELECT 1 FROM staging.order_events e"
                        + " WHERE e.order_id = t.order_id AND e.event_type = 'order_placed')",
                "SELECT count(*) FROM marts.fct_orders_load"));
        // Facts to KPIs: the recomputed days count every order of those days once.
        checks.add(reconciliation("orders", MARTS, "marts.daily_kpis",
                "SELECT count(*) FROM (SELECT order_id FROM marts.fct_orders WHERE placed_date IN (SELECT order_date FROM "
                        + AFFECTED_DAYS + ") AND order_id NOT IN (SELECT order_id FROM marts.fct_orders_load)"
                        + " UNION ALL SELECT order_id FROM marts.fct_orders_load) o",
                "SELECT COALESCE(sum(orders), 0) FROM marts.daily_kpis_load"));
        checks.add(range(MARTS, "marts.daily_kpis", "on_time_rate", Severity.ERROR, 0, 1));
        checks.add(freshness(MARTS, fct, "placed_at", 6));
        return checks;
    }

    public static List<Check> features() {
        List<Check> checks = new ArrayList<>();
        for (String table : List.of("features.delivery_time", "features.fraud")) {
            checks.add(unique(FEATURES, table, "order_id"));
            checks.add(notNull(FEATURES, table, "placed_at"));
            checks.add(range(FEATURES, table, "hour_of_day", Severity.ERROR, 0, 23));
            checks.add(relationship(FEATURES, table, "order_id", "fct_orders",
                    "SELECT order_id FROM marts.fct_orders", "order_id"));
        }
        checks.add(range(FEATURES, "features.delivery_time", "distance_km", Severity.ERROR, 0, 50));
        checks.add(range(FEATURES, "features.delivery_time", "couriers_on_shift", Severity.ERROR, 0, 1_000_000));
        checks.add(range(FEATURES, "features.delivery_time", "restaurant_prep_minutes_avg_7d", Severity.WARN, 0, 180));
        checks.add(range(FEATURES, "features.fraud", "account_age_days", Severity.WARN, 0, 100_000));
        // A learned speed outside what a ping may report means the learning went wrong, not the city.
        checks.add(range(FEATURES, "features.ride_speeds", "speed_kmh", Severity.ERROR, 0, 80));
        checks.add(range(FEATURES, "features.fraud", "customer_orders_before", Severity.ERROR, 0, 1_000_000));
        // Point in time, checked on the data: an order cannot count more earlier orders than the customer had placed.
        // A warning, not an error: a phone clock up to a minute fast (within the staging tolerance) can reorder two orders.
        checks.add(new Check("point_in_time__features.fraud__customer_orders_before", FEATURES, "features.fraud",
                "point_in_time", Severity.WARN,
                "SELECT count(*) FROM features.fraud_load f JOIN (SELECT order_id, count(*) OVER (PARTITION BY customer_id"
                        + " ORDER BY placed_at RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS up_to_now"
                        + " FROM marts.fct_orders) o USING (order_id) WHERE f.customer_orders_before >= o.up_to_now", null));
        return checks;
    }

    private static String either(String table, String column) {
        return "SELECT " + column + " FROM " + table + " UNION ALL SELECT " + column + " FROM " + table + "_load";
    }

    private static String inputEvents(String types) {
        return "SELECT COALESCE(sum(events), 0) FROM " + INPUT_COUNTS + " WHERE event_type IN (" + types + ")";
    }
}
