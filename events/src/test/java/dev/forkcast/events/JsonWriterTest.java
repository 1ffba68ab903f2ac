package dev.forkcast.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private static final long NOON_MARCH_2 = Instant.parse("2026-03-02T12:03:04.120Z").toEpochMilli();

    @Test
    void timestampsAlwaysHaveThreeFractionalDigits() {
        long onTheSecond = Instant.parse("2026-03-02T00:00:05Z").toEpochMilli();

        String written = Timestamps.format(onTheSecond);

        assertEquals("2026-03-02T00:00:05.000Z", written);
    }

    @Test
    void timestampsBeforeTheEpochAreStillCorrect() {
        long oldSignup = Instant.parse("1969-12-31T23:59:59.999Z").toEpochMilli();

        assertEquals("1969-12-31T23:59:59.999Z", Timestamps.format(oldSignup));
    }

    @Test
    void decimalsAreWrittenWithAFixedNumberOfPlaces() {
        StringBuilder out = new StringBuilder();
        JsonWriter json = new JsonWriter(out, new Timestamps());

        json.beginObject().fixed("lat", 52.1, 6).fixed("lon", -0.0000004, 6).fixed("neg", -4.25, 1).endObject();

        assertEquals("{\"lat\":52.100000,\"lon\":0.000000,\"neg\":-4.3}", out.toString());
    }

    @Test
    void stringsAreEscaped() {
        StringBuilder out = new StringBuilder();
        JsonWriter json = new JsonWriter(out, new Timestamps());

        json.beginObject().field("address", "12 \"Old\" Lane\\\n").endObject();

        assertEquals("{\"address\":\"12 \\\"Old\\\" Lane\\\\\\n\"}", out.toString());
    }

    @Test
    void anOrderPlacedEventHasTheEnvelopeAndItsPayload() {
        Event placed = new Event("e-1", EventType.ORDER_PLACED, 1, NOON_MARCH_2, "o20260302-000001",
                "cust_000007", "rest_0042", null,
                new Payload.OrderPlaced(List.of(new Payload.OrderItem("rest_0042-m03", 2, 1250)), 2500,
                        52.09, 5.12, "4 Canal Street", "dev_0001", "ios", null, "rain"));

        String json = placed.toJson();

        assertEquals("{\"event_id\":\"e-1\",\"event_type\":\"order_placed\",\"schema_version\":1,"
                + "\"event_time\":\"2026-03-02T12:03:04.120Z\",\"order_id\":\"o20260302-000001\","
                + "\"customer_id\":\"cust_000007\",\"restaurant_id\":\"rest_0042\",\"payload\":{"
                + "\"items\":[{\"item_id\":\"rest_0042-m03\",\"quantity\":2,\"unit_price_cents\":1250}],"
                + "\"basket_value_cents\":2500,\"delivery_lat\":52.090000,\"delivery_lon\":5.120000,"
                + "\"delivery_address\":\"4 Canal Street\",\"device_id\":\"dev_0001\",\"platform\":\"ios\","
                + "\"weather\":\"rain\"}}", json);
    }

    @Test
    void anOmittedOptionalFieldIsLeftOut() {
        Event ping = new Event("e-2", EventType.COURIER_LOCATION_PINGED, 1, NOON_MARCH_2, "o1", null, null,
                "cour_0001", new Payload.CourierLocationPinged(52.0, 5.0, "to_customer", 18.25, 8, 71));
        StringBuilder out = new StringBuilder();

        ping.writeJson(new JsonWriter(out, new Timestamps()), "battery_pct");

        assertEquals(true, out.toString().endsWith("\"speed_kmh\":18.3,\"accuracy_m\":8}}"), out.toString());
    }

    @Test
    void ordersArePartitionedByOrderAndPingsByCourier() {
        Event ping = new Event("e-3", EventType.COURIER_LOCATION_PINGED, 1, 0, "o1", null, null, "cour_0009",
                new Payload.CourierLocationPinged(0, 0, "to_restaurant", 0, 5, 90));
        Event refund = new Event("e-4", EventType.REFUND_REQUESTED, 1, 0, "o1", "cust_1", null, null,
                new Payload.RefundRequested(100, "late"));

        assertEquals("cour_0009", ping.key());
        assertEquals("o1", refund.key());
        assertEquals(Topic.PAYMENTS, refund.topic());
    }

    @Test
    void aReusedWriterStartsEachDocumentCleanly() {
        StringBuilder out = new StringBuilder();
        JsonWriter json = new JsonWriter(out, new Timestamps());
        json.beginObject().field("a", 1).endObject();
        out.setLength(0);

        json.beginObject().field("b", 2).endObject();

        assertEquals("{\"b\":2}", out.toString());
    }

    @Test
    void aWrittenTimestampReadsBackToTheSameInstant() {
        long instant = Instant.parse("2024-02-29T23:59:58.007Z").toEpochMilli();

        assertEquals(instant, Timestamps.parse(Timestamps.format(instant)));
    }

    @Test
    void otherTimestampFormsAreLeftToTheGeneralParser() {
        assertEquals(Long.MIN_VALUE, Timestamps.parse("2026-03-02T12:00:00Z"));
        assertEquals(Long.MIN_VALUE, Timestamps.parse("2026-02-30T12:00:00.000Z"));
        assertEquals(Long.MIN_VALUE, Timestamps.parse("2026-03-02 12:00:00.000Z"));
    }
}
