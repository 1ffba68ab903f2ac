package dev.forkcast.events;

/**
 * One event as the platform records it: the envelope every event shares, plus a typed payload.
 *
 * <pre>
 * {"event_id":"…","event_type":"order_placed","schema_version":1,"event_time":"2026-03-02T12:03:04.120Z",
 *  "order_id":"o20260302-000017","customer_id":"cust_004211","restaurant_id":"rest_0042","payload":{…}}
 * </pre>
 *
 * Entity ids that do not apply to an event are left out. {@code event_time} is when the thing happened
 * by the clock of whoever reported it (a phone's clock may be wrong: that is one of the kinds of dirt).
 *
 * @param eventId unique per event; a retried send repeats it, which is how duplicates are recognised
 * @param schemaVersion the version of this event type's contract, bumped on incompatible change
 */
public record Event(
        String eventId,
        EventType type,
        int schemaVersion,
        long eventTimeMillis,
        String orderId,
        String customerId,
        String restaurantId,
        String courierId,
        Payload payload) {

    /** The contract version every event type is at today. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    public Topic topic() {
        return type.topic();
    }

    /**
     * The Kafka record key. Order and payment events are keyed by order so that one order's events
     * stay in order on one partition; courier events by courier; registrations by the new entity.
     */
    public String key() {
        return switch (type.topic()) {
            case ORDERS, PAYMENTS -> orderId;
            case COURIERS -> courierId;
            case REGISTRATIONS -> customerId != null ? customerId : restaurantId != null ? restaurantId : courierId;
        };
    }

    /** Writes the event; {@code omittedField} names one optional payload field to leave out, or is null. */
    public void writeJson(JsonWriter json, String omittedField) {
        json.beginObject()
                .field("event_id", eventId)
                .field("event_type", type.wireName())
                .field("schema_version", schemaVersion)
                .timestamp("event_time", eventTimeMillis)
                .field("order_id", orderId)
                .field("customer_id", customerId)
                .field("restaurant_id", restaurantId)
                .field("courier_id", courierId)
                .beginObject("payload");
        payload.writeFields(json, omittedField);
        json.endObject().endObject();
    }

    /** The event as one line of JSON (allocates; hot paths reuse a {@link JsonWriter}). */
    public String toJson() {
        StringBuilder out = new StringBuilder(256);
        writeJson(new JsonWriter(out, new Timestamps()), null);
        return out.toString();
    }
}
