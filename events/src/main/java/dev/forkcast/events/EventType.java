package dev.forkcast.events;

import java.util.HashMap;
import java.util.Map;

/** Every kind of event, its wire name (the {@code event_type} field) and the topic it travels on. */
public enum EventType {
    ORDER_PLACED("order_placed", Topic.ORDERS),
    ORDER_ACCEPTED("order_accepted", Topic.ORDERS),
    COURIER_ASSIGNED("courier_assigned", Topic.ORDERS),
    ORDER_PICKED_UP("order_picked_up", Topic.ORDERS),
    ORDER_DELIVERED("order_delivered", Topic.ORDERS),
    ORDER_CANCELLED("order_cancelled", Topic.ORDERS),
    COURIER_LOCATION_PINGED("courier_location_pinged", Topic.COURIERS),
    COURIER_SHIFT_STARTED("courier_shift_started", Topic.COURIERS),
    COURIER_SHIFT_ENDED("courier_shift_ended", Topic.COURIERS),
    PAYMENT_AUTHORIZED("payment_authorized", Topic.PAYMENTS),
    REFUND_REQUESTED("refund_requested", Topic.PAYMENTS),
    CHARGEBACK_RECEIVED("chargeback_received", Topic.PAYMENTS),
    CUSTOMER_SIGNED_UP("customer_signed_up", Topic.REGISTRATIONS),
    RESTAURANT_JOINED("restaurant_joined", Topic.REGISTRATIONS),
    COURIER_JOINED("courier_joined", Topic.REGISTRATIONS);

    private static final Map<String, EventType> BY_WIRE_NAME = new HashMap<>();

    static {
        for (EventType type : values()) {
            BY_WIRE_NAME.put(type.wireName, type);
        }
    }

    private final String wireName;
    private final Topic topic;

    EventType(String wireName, Topic topic) {
        this.wireName = wireName;
        this.topic = topic;
    }

    public String wireName() {
        return wireName;
    }

    public Topic topic() {
        return topic;
    }

    /** The type whose wire name is {@code name}, or null when there is none. */
    public static EventType fromWireName(String name) {
        return BY_WIRE_NAME.get(name);
    }
}
