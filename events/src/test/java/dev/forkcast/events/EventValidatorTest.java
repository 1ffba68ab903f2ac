package dev.forkcast.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventValidatorTest {

    private static final long NOON = Instant.parse("2026-03-02T12:00:00Z").toEpochMilli();
    private final EventValidator validator = new EventValidator();

    private static String orderPlaced() {
        return new Event("e-1", EventType.ORDER_PLACED, 1, NOON, "o1", "cust_1", "rest_1", null,
                new Payload.OrderPlaced(List.of(new Payload.OrderItem("rest_1-m01", 1, 900)), 900, 52.1, 5.1,
                        "1 Mill Lane", "dev_1", "ios", null, "clear")).toJson();
    }

    @Test
    void aWellFormedEventIsAcceptedWithItsEnvelope() {
        Validation verdict = validator.validate(orderPlaced());

        assertTrue(verdict.valid(), verdict.reason());
        assertEquals("e-1", verdict.eventId());
        assertEquals(EventType.ORDER_PLACED, verdict.type());
        assertEquals(NOON, verdict.eventTimeMillis());
    }

    @Test
    void brokenJsonIsRejectedAsNotJson() {
        String cut = orderPlaced().substring(0, 40);

        Validation verdict = validator.validate(cut);

        assertFalse(verdict.valid());
        assertTrue(verdict.reason().startsWith("not valid JSON: "), verdict.reason());
    }

    @Test
    void jsonThatIsNotAnObjectIsRejected() {
        assertEquals("not a JSON object but an array", validator.validate("[1,2]").reason());
    }

    @Test
    void aNumberSentAsTextNamesTheFieldAndWhatCame() {
        String wrong = orderPlaced().replace("\"basket_value_cents\":900", "\"basket_value_cents\":\"900\"");

        Validation verdict = validator.validate(wrong);

        assertEquals("order_placed v1: payload.basket_value_cents must be an integer, got string \"900\"",
                verdict.reason());
    }

    @Test
    void aSchemaVersionSentAsTextIsRejected() {
        String wrong = orderPlaced().replace("\"schema_version\":1", "\"schema_version\":\"1\"");

        assertEquals("order_placed: schema_version must be an integer, got string \"1\"",
                validator.validate(wrong).reason());
    }

    @Test
    void anEventTimeInEpochMillisIsRejected() {
        String wrong = orderPlaced().replace("\"2026-03-02T12:00:00.000Z\"", String.valueOf(NOON));

        assertEquals("order_placed v1: event_time must be an ISO-8601 timestamp string, got number " + NOON,
                validator.validate(wrong).reason());
    }

    @Test
    void anUnknownVersionIsRejectedSayingWhichVersionIsKnown() {
        String future = orderPlaced().replace("\"schema_version\":1", "\"schema_version\":2");

        assertEquals("order_placed: unsupported schema_version 2 (this consumer knows version 1)",
                validator.validate(future).reason());
    }

    @Test
    void anUnknownEventTypeIsRejected() {
        String unknown = orderPlaced().replace("order_placed", "order_teleported");

        assertEquals("unknown event_type \"order_teleported\"", validator.validate(unknown).reason());
    }

    @Test
    void aMissingEntityIdIsRejected() {
        String anonymous = orderPlaced().replace("\"customer_id\":\"cust_1\",", "");

        assertEquals("order_placed v1: customer_id is required", validator.validate(anonymous).reason());
    }

    @Test
    void aValueOutsideItsEnumIsRejected() {
        String snowing = orderPlaced().replace("\"weather\":\"clear\"", "\"weather\":\"snow\"");

        assertEquals("order_placed v1: payload.weather must be one of [clear, rain, storm], got string \"snow\"",
                validator.validate(snowing).reason());
    }

    @Test
    void aBadItemInsideTheBasketIsLocated() {
        String zero = orderPlaced().replace("\"quantity\":1", "\"quantity\":0");

        assertEquals("order_placed v1: payload.items[0].quantity must be between 1 and 100, got 0",
                validator.validate(zero).reason());
    }

    @Test
    void missingOptionalFieldsAreFine() {
        String sparse = orderPlaced().replace(",\"platform\":\"ios\"", "").replace(",\"weather\":\"clear\"", "");

        assertTrue(validator.validate(sparse).valid());
    }

    @Test
    void unknownExtraFieldsAreAcceptedForForwardCompatibility() {
        String newer = orderPlaced().replace("\"payload\":{", "\"payload\":{\"tip_cents\":200,");

        assertTrue(validator.validate(newer).valid());
    }

    @Test
    void aPayloadWrittenBeforeTheEventTypeIsStillChecked() {
        String reordered = "{\"payload\":{\"quoted_prep_minutes\":\"12\"},\"event_id\":\"e-2\","
                + "\"event_type\":\"order_accepted\",\"schema_version\":1,\"event_time\":\"2026-03-02T12:00:00Z\","
                + "\"order_id\":\"o1\",\"restaurant_id\":\"rest_1\"}";

        assertEquals("order_accepted v1: payload.quoted_prep_minutes must be an integer, got string \"12\"",
                validator.validate(reordered).reason());
    }

    @Test
    void aMissingRequiredPayloadFieldIsNamed() {
        String noAddress = orderPlaced().replace(",\"delivery_address\":\"1 Mill Lane\"", "");

        assertEquals("order_placed v1: payload.delivery_address is required", validator.validate(noAddress).reason());
    }

    @Test
    void trailingGarbageAfterTheObjectIsRejected() {
        assertEquals("unexpected content after the JSON object", validator.validate(orderPlaced() + " 42").reason());
    }
}
