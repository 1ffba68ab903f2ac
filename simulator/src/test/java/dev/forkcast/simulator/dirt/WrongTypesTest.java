package dev.forkcast.simulator.dirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forkcast.events.Event;
import dev.forkcast.events.EventType;
import dev.forkcast.events.Payload;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each wrong-type copy is still JSON a parser accepts; only a schema check notices the field's type. */
class WrongTypesTest {

    /** Trailing garbage would be "malformed", not "wrong type": make the parser refuse it. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final long AT_LUNCH = Instant.parse("2026-03-02T12:03:04.120Z").toEpochMilli();

    @Test
    void schemaVersionAsTextIsAStringHoldingTheVersion() throws JsonProcessingException {
        String json = courierAssignedAtLunch();

        JsonNode copy = JSON.readTree(WrongTypes.schemaVersionAsText(json));

        assertTrue(copy.get("schema_version").isTextual(), copy.toString());
        assertEquals("1", copy.get("schema_version").asText());
    }

    @Test
    void eventTimeAsEpochMillisIsABareNumber() throws JsonProcessingException {
        String json = courierAssignedAtLunch();

        JsonNode copy = JSON.readTree(WrongTypes.eventTimeAsEpochMillis(json, AT_LUNCH));

        assertTrue(copy.get("event_time").isIntegralNumber(), copy.toString());
        assertEquals(AT_LUNCH, copy.get("event_time").longValue());
    }

    @Test
    void theFirstPayloadNumberIsSentAsText() throws JsonProcessingException {
        String json = courierAssignedAtLunch();

        JsonNode copy = JSON.readTree(WrongTypes.firstPayloadNumberAsText(json));

        assertTrue(copy.at("/payload/courier_lat").isTextual(), copy.toString());
        assertEquals("52.090000", copy.at("/payload/courier_lat").asText());
        assertTrue(copy.at("/payload/courier_lon").isNumber(), "only the first number changes: " + copy);
    }

    @Test
    void theFirstNumberOfAnOrderIsTheQuantityInsideItsBasket() throws JsonProcessingException {
        String json = orderPlacedAtLunch();

        JsonNode copy = JSON.readTree(WrongTypes.firstPayloadNumberAsText(json));

        assertTrue(copy.at("/payload/items/0/quantity").isTextual(), copy.toString());
        assertEquals("2", copy.at("/payload/items/0/quantity").asText());
    }

    @Test
    void aPayloadWithoutNumbersGetsItsSchemaVersionAsTextInstead() throws JsonProcessingException {
        String json = event(EventType.ORDER_PICKED_UP, new Payload.OrderPickedUp());

        JsonNode copy = JSON.readTree(WrongTypes.firstPayloadNumberAsText(json));

        assertTrue(copy.get("schema_version").isTextual(), copy.toString());
        assertEquals("1", copy.get("schema_version").asText());
    }

    private static String courierAssignedAtLunch() {
        return event(EventType.COURIER_ASSIGNED, new Payload.CourierAssigned("bike", 52.09, 5.12, 1_767_225_600_000L, 52.1, 5.13));
    }

    private static String orderPlacedAtLunch() {
        Payload.OrderPlaced placed = new Payload.OrderPlaced(
                List.of(new Payload.OrderItem("rest_0042-m03", 2, 1150)), 2300, 52.091, 5.121,
                "Oudegracht 12", "dev_000777", "ios", null, "clear");
        return event(EventType.ORDER_PLACED, placed);
    }

    private static String event(EventType type, Payload payload) {
        return new Event("evt-000001", type, Event.CURRENT_SCHEMA_VERSION, AT_LUNCH, "o20260302-000017",
                "cust_004211", "rest_0042", "cour_0007", payload).toJson();
    }
}
