package dev.forkcast.events;

/**
 * The verdict on one record: accepted (with the envelope fields a consumer needs) or rejected with a
 * reason precise enough to fix the producer ("payload.basket_value_cents must be an integer, got
 * string").
 */
public record Validation(boolean valid, String reason, String eventId, EventType type, int schemaVersion,
                         long eventTimeMillis) {

    static Validation accepted(String eventId, EventType type, int schemaVersion, long eventTimeMillis) {
        return new Validation(true, null, eventId, type, schemaVersion, eventTimeMillis);
    }

    static Validation rejected(String reason) {
        return new Validation(false, reason, null, null, 0, 0);
    }
}
