package dev.forkcast.events;

import java.util.List;

/**
 * The contract of one event type at one schema version: which entity ids the envelope must carry and
 * which fields the payload has. See {@link EventContracts} for all of them.
 */
public record EventContract(EventType type, int schemaVersion, List<String> entityIds, List<FieldSpec> payload) {

    /** Every entity id an envelope may carry, in the order events write them. */
    public static final List<String> ALL_ENTITY_IDS = List.of("order_id", "customer_id", "restaurant_id", "courier_id");
}
