package dev.forkcast.warehouse.features;

import static dev.forkcast.warehouse.features.Feature.Kind.BOOLEAN;
import static dev.forkcast.warehouse.features.Feature.Kind.CATEGORICAL;
import static dev.forkcast.warehouse.features.Feature.Kind.NUMERIC;
import static dev.forkcast.warehouse.features.FeatureWindows.ALL_HISTORY;
import static dev.forkcast.warehouse.features.FeatureWindows.FLEET;
import static dev.forkcast.warehouse.features.FeatureWindows.LOAD;
import static dev.forkcast.warehouse.features.FeatureWindows.REQUEST;
import static dev.forkcast.warehouse.features.FeatureWindows.RESTAURANT_PREP;
import static dev.forkcast.warehouse.features.FeatureWindows.TYPICAL_BASKET;
import static dev.forkcast.warehouse.features.FeatureWindows.describe;

import java.util.List;

/**
 * Every feature the two models use, defined once: the contract between the data engineer (the ETL
 * fills {@code features.delivery_time} and {@code features.fraud} with exactly these columns) and the ML
 * engineer (the trainer and the API build model inputs from this list, in this order). A test in the
 * warehouse keeps the feature tables' columns equal to it.
 */
public final class FeatureCatalogue {

    /** One feature table: its name, key, the features in model order, and the label. */
    public record FeatureTable(String table, String key, String timeColumn, List<String> keyColumns,
                               List<Feature> features, String label, String labelMeaning) {

        /** The feature names in model order. */
        public List<String> featureNames() {
            return features.stream().map(Feature::name).toList();
        }

        /** The feature called {@code name}. */
        public Feature feature(String name) {
            return features.stream().filter(f -> f.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(table + " has no feature " + name));
        }
    }

    public static final FeatureTable DELIVERY_TIME = new FeatureTable(
            "features.delivery_time", "order_id", "placed_at", List.of("order_id", "placed_at", "restaurant_id"),
            List.of(
                    new Feature("hour_of_day", NUMERIC, REQUEST, "Hour the order was placed, 0-23: lunch and dinner peaks load kitchens and roads."),
                    new Feature("day_of_week", NUMERIC, REQUEST, "ISO day of the week, 1 = Monday."),
                    new Feature("is_weekend", BOOLEAN, REQUEST, "Placed on a Saturday or Sunday."),
                    new Feature("weather", CATEGORICAL, REQUEST, "clear, rain or storm, as the app reported it: rain slows couriers."),
                    new Feature("item_count", NUMERIC, REQUEST, "Items in the basket: more items, longer preparation."),
                    new Feature("basket_value_cents", NUMERIC, REQUEST, "What the basket costs."),
                    new Feature("distance_km", NUMERIC, REQUEST, "Straight-line km from the restaurant to the delivery point."),
                    new Feature("restaurant_quoted_prep_minutes", NUMERIC, REQUEST, "The preparation time the restaurant quotes on the platform."),
                    new Feature("restaurant_kitchen_capacity", NUMERIC, REQUEST, "How many orders the kitchen cooks at once before it slows down."),
                    new Feature("restaurant_prep_minutes_avg_7d", NUMERIC, describe(RESTAURANT_PREP),
                            "Average minutes from acceptance to pickup of the restaurant's orders picked up in the window; NULL without any."),
                    new Feature("restaurant_orders_last_30m", NUMERIC, describe(LOAD),
                            "Orders placed at the restaurant in the window: how busy its kitchen is."),
                    new Feature("fleet_orders_last_30m", NUMERIC, describe(LOAD), "Orders placed in the whole city in the window."),
                    new Feature("couriers_on_shift", NUMERIC, ALL_HISTORY, "Couriers whose shift had started and not ended."),
                    new Feature("fleet_load_30m", NUMERIC, describe(LOAD),
                            "fleet_orders_last_30m per courier on shift: above about one, orders wait for a courier; NULL with nobody on shift."),
                    new Feature("courier_soonest_arrival_minutes", NUMERIC, FLEET,
                            "Minutes until the soonest logged-in courier could reach the restaurant: the wait until free plus the ride at the speed learned for the vehicle, hour and weather; NULL with nobody."),
                    new Feature("courier_soonest_wait_minutes", NUMERIC, FLEET,
                            "How long that courier is still busy with the current job (0 = idle)."),
                    new Feature("courier_soonest_km", NUMERIC, FLEET,
                            "Straight-line km from where that courier will be free to the restaurant."),
                    new Feature("courier_soonest_vehicle", CATEGORICAL, FLEET,
                            "That courier's vehicle: bike, ebike, scooter or car; it also rides the food to the door."),
                    new Feature("couriers_available", NUMERIC, FLEET, "Couriers logged in and not held for a just-placed order."),
                    new Feature("couriers_idle", NUMERIC, FLEET, "Of those, how many have no job under way."),
                    new Feature("courier_ride_minutes_estimate", NUMERIC, FLEET,
                            "distance_km ridden at the soonest courier's learned speed, detours included: the last leg's estimate."),
                    new Feature("courier_other_vehicle_gap_minutes", NUMERIC, FLEET,
                            "How much later the soonest courier on another vehicle could reach the restaurant: near 0, dispatch may pick either; NULL when all ride the same."),
                    new Feature("courier_other_vehicle_ride_minutes_estimate", NUMERIC, FLEET,
                            "distance_km at that other courier's learned speed: the last leg if dispatch picks it.")),
            "delivery_minutes", "Minutes from placement to delivery (NULL until delivered and for cancelled orders).");

    public static final FeatureTable FRAUD = new FeatureTable(
            "features.fraud", "order_id", "placed_at", List.of("order_id", "placed_at", "customer_id"),
            List.of(
                    new Feature("hour_of_day", NUMERIC, REQUEST, "Hour the order was placed, 0-23."),
                    new Feature("is_night_order", BOOLEAN, REQUEST, "Placed between 00:00 and 05:59."),
                    new Feature("basket_value_cents", NUMERIC, REQUEST, "What the basket costs."),
                    new Feature("basket_ratio", NUMERIC, describe(TYPICAL_BASKET),
                            "Basket value divided by the restaurant's average basket in the window; NULL without earlier orders."),
                    new Feature("account_age_days", NUMERIC, ALL_HISTORY, "Days since the customer signed up: stolen cards come on new accounts."),
                    new Feature("km_from_home", NUMERIC, REQUEST, "Km between the delivery point and the account's home (rounded to about a km)."),
                    new Feature("is_foreign_card", BOOLEAN, REQUEST, "The paying card was issued outside the city's country (NL)."),
                    new Feature("accounts_on_device", NUMERIC, ALL_HISTORY, "Accounts that had signed up on the ordering device: farms share one phone."),
                    new Feature("has_promo", BOOLEAN, REQUEST, "A promo or referral code was used."),
                    new Feature("customer_orders_before", NUMERIC, ALL_HISTORY, "The customer's earlier orders."),
                    new Feature("customer_refunds_before", NUMERIC, ALL_HISTORY, "Refunds the customer had asked for before this order.")),
            "is_fraud", "A chargeback arrived for the order (the bank's delayed verdict); label_known_at says when.");

    /** Both tables. */
    public static final List<FeatureTable> TABLES = List.of(DELIVERY_TIME, FRAUD);

    /** The country whose cards are domestic in the simulated city. */
    public static final String HOME_CARD_COUNTRY = "NL";

    private FeatureCatalogue() {
    }
}
