package dev.forkcast.events;

import static dev.forkcast.events.FieldSpec.arrayOf;
import static dev.forkcast.events.FieldSpec.integer;
import static dev.forkcast.events.FieldSpec.number;
import static dev.forkcast.events.FieldSpec.oneOf;
import static dev.forkcast.events.FieldSpec.text;
import static dev.forkcast.events.FieldSpec.timestamp;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every event type's contract, version 1. This is the one definition: the validator checks records
 * against it and the JSON Schema files in {@code schemas/v1/} are generated from it.
 *
 * <p>Compatibility rule: adding an optional field keeps the version (consumers ignore fields they do not
 * know); removing or retyping a field, or making one required, is a new {@code schema_version}.
 */
public final class EventContracts {

    public static final int CURRENT_VERSION = Event.CURRENT_SCHEMA_VERSION;

    private static final double NO_MAX = Double.POSITIVE_INFINITY;
    private static final String[] VEHICLES = {"bike", "ebike", "scooter", "car"};
    private static final String[] PLATFORMS = {"ios", "android", "web"};

    private static final Map<EventType, EventContract> CONTRACTS = new EnumMap<>(EventType.class);

    static {
        define(EventType.ORDER_PLACED, List.of("order_id", "customer_id", "restaurant_id"),
                arrayOf("items", text("item_id"), integer("quantity", 1, 100), integer("unit_price_cents", 0, NO_MAX)),
                integer("basket_value_cents", 0, NO_MAX),
                number("delivery_lat", -90, 90),
                number("delivery_lon", -180, 180),
                text("delivery_address"),
                text("device_id"),
                oneOf("platform", PLATFORMS).optional(),
                text("promo_code").optional(),
                oneOf("weather", "clear", "rain", "storm").optional());
        define(EventType.ORDER_ACCEPTED, List.of("order_id", "restaurant_id"),
                integer("quoted_prep_minutes", 0, 600), timestamp("expected_ready_at").optional());
        define(EventType.COURIER_ASSIGNED, List.of("order_id", "restaurant_id", "courier_id"),
                oneOf("vehicle", VEHICLES), number("courier_lat", -90, 90), number("courier_lon", -180, 180),
                timestamp("expected_dropoff_at").optional(), number("dropoff_lat", -90, 90).optional(),
                number("dropoff_lon", -180, 180).optional());
        define(EventType.ORDER_PICKED_UP, List.of("order_id", "restaurant_id", "courier_id"));
        define(EventType.ORDER_DELIVERED, List.of("order_id", "customer_id", "restaurant_id", "courier_id"));
        define(EventType.ORDER_CANCELLED, List.of("order_id", "customer_id", "restaurant_id"),
                oneOf("cancelled_by", "customer", "restaurant", "platform"), text("reason"));
        define(EventType.COURIER_LOCATION_PINGED, List.of("order_id", "courier_id"),
                number("lat", -90, 90), number("lon", -180, 180),
                oneOf("job_status", "to_restaurant", "at_restaurant", "to_customer", "at_customer"),
                number("speed_kmh", 0, 200),
                integer("accuracy_m", 0, NO_MAX).optional(),
                integer("battery_pct", 0, 100).optional());
        define(EventType.COURIER_SHIFT_STARTED, List.of("courier_id"), text("zone_id"),
                number("lat", -90, 90).optional(), number("lon", -180, 180).optional());
        define(EventType.COURIER_SHIFT_ENDED, List.of("courier_id"), integer("jobs_completed", 0, NO_MAX));
        define(EventType.PAYMENT_AUTHORIZED, List.of("order_id", "customer_id"),
                integer("amount_cents", 0, NO_MAX), text("currency"), text("card_fingerprint"), text("card_country"),
                oneOf("payment_method", "card", "apple_pay", "google_pay"));
        define(EventType.REFUND_REQUESTED, List.of("order_id", "customer_id"),
                integer("amount_cents", 0, NO_MAX), oneOf("reason", "never_arrived", "late", "item_missing", "quality"));
        define(EventType.CHARGEBACK_RECEIVED, List.of("order_id", "customer_id"),
                integer("amount_cents", 0, NO_MAX), text("reason_code"));
        define(EventType.CUSTOMER_SIGNED_UP, List.of("customer_id"),
                text("name"), text("email"), text("phone"), text("home_address"),
                number("home_lat", -90, 90), number("home_lon", -180, 180), text("device_id"),
                oneOf("platform", PLATFORMS).optional(), text("referral_code").optional());
        define(EventType.RESTAURANT_JOINED, List.of("restaurant_id"),
                text("name"), text("cuisine"), integer("price_level", 1, 4), number("lat", -90, 90),
                number("lon", -180, 180), text("zone_id"), integer("kitchen_capacity", 1, NO_MAX),
                integer("quoted_prep_minutes", 0, 600));
        define(EventType.COURIER_JOINED, List.of("courier_id"),
                oneOf("vehicle", VEHICLES), text("home_zone_id"), text("shift_pattern"));
    }

    private EventContracts() {
    }

    /** The contract for {@code type} at {@code version}, or null when there is none. */
    public static EventContract find(EventType type, int version) {
        return version == CURRENT_VERSION ? CONTRACTS.get(type) : null;
    }

    public static EventContract of(EventType type) {
        return CONTRACTS.get(type);
    }

    private static void define(EventType type, List<String> entityIds, FieldSpec... payload) {
        CONTRACTS.put(type, new EventContract(type, CURRENT_VERSION, entityIds, List.of(payload)));
    }
}
