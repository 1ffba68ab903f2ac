package dev.forkcast.pipeline.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class OrderEventStagingTest {

    private static final String KEY = "test-key";

    private static Row placed(String eventId, String happenedAt, String arrivedAt, String weatherField) {
        String body = "{\"event_id\":\"" + eventId + "\",\"event_type\":\"order_placed\",\"schema_version\":1,"
                + "\"event_time\":\"" + happenedAt + "\",\"order_id\":\"o20260302-000001\",\"customer_id\":\"cust_000001\","
                + "\"restaurant_id\":\"rest_0042\",\"payload\":{\"items\":[{\"item_id\":\"rest_0042-m01\",\"quantity\":2,"
                + "\"unit_price_cents\":900},{\"item_id\":\"rest_0042-m07\",\"quantity\":1,\"unit_price_cents\":1250}],"
                + "\"basket_value_cents\":3050,\"delivery_lat\":52.093412,\"delivery_lon\":5.118755,"
                + "\"delivery_address\":\"12 Mill Lane\",\"device_id\":\"dev_0000001\",\"platform\":\"ios\"" + weatherField + "}}";
        return RawEvents.row("forkcast.orders", 0, 1, arrivedAt, eventId, "order_placed", happenedAt, body);
    }

    @Test
    void aPlacedOrderIsTypedAndItsAddressPseudonymised() {
        Row staged = OrderEventStaging.orderEvents(RawEvents.of(
                placed("e-1", "2026-03-02T12:00:00Z", "2026-03-02T12:00:01Z", ",\"weather\":\"rain\"")), KEY)
                .collectAsList().get(0);

        assertEquals("o20260302-000001", staged.getAs("order_id"));
        assertEquals(3050L, (long) staged.getAs("basket_value_cents"));
        assertEquals(3, (int) staged.getAs("item_count"));
        assertEquals(52.093, (double) staged.getAs("delivery_lat_approx"), 1e-9);
        assertEquals(Pseudonyms.hmacSha256Hex(KEY, "12 Mill Lane"), staged.getAs("delivery_address_pseudonym"));
        assertEquals("rain", staged.getAs("weather"));
        assertFalse(staged.toString().contains("Mill Lane"));
    }

    @Test
    void aPhoneClockRunningFastIsCorrectedToTheTimeThePlatformReceivedTheEvent() {
        Row staged = OrderEventStaging.orderEvents(RawEvents.of(
                placed("e-2", "2026-03-02T12:09:00Z", "2026-03-02T12:00:01Z", "")), KEY).collectAsList().get(0);

        assertEquals(Timestamp.from(Instant.parse("2026-03-02T12:00:01Z")), staged.getAs("event_at"));
        assertTrue((boolean) staged.getAs("is_clock_corrected"));
    }

    @Test
    void normalNetworkDelayIsNotMistakenForAWrongClock() {
        Row staged = OrderEventStaging.orderEvents(RawEvents.of(
                placed("e-3", "2026-03-02T12:00:30Z", "2026-03-02T12:00:01Z", "")), KEY).collectAsList().get(0);

        assertEquals(Timestamp.from(Instant.parse("2026-03-02T12:00:30Z")), staged.getAs("event_at"));
        assertFalse((boolean) staged.getAs("is_clock_corrected"));
    }

    @Test
    void aMissingOptionalFieldStaysNull() {
        Row staged = OrderEventStaging.orderEvents(RawEvents.of(
                placed("e-4", "2026-03-02T12:00:00Z", "2026-03-02T12:00:01Z", "")), KEY).collectAsList().get(0);

        assertNull(staged.getAs("weather"));
    }

    private static Row assigned(String eventId, String plan) {
        String body = "{\"event_id\":\"" + eventId + "\",\"event_type\":\"courier_assigned\",\"schema_version\":1,"
                + "\"event_time\":\"2026-03-02T12:00:06.000Z\",\"order_id\":\"o20260302-000001\","
                + "\"restaurant_id\":\"rest_0042\",\"courier_id\":\"cour_0007\",\"payload\":{\"vehicle\":\"ebike\","
                + "\"courier_lat\":52.080001,\"courier_lon\":5.110002" + plan + "}}";
        return RawEvents.row("forkcast.orders", 0, 2, "2026-03-02T12:00:07Z", eventId, "courier_assigned",
                "2026-03-02T12:00:06Z", body);
    }

    @Test
    void theDispatchersPlanIsStagedWithTheDropOffRoundedLikeAnyAddress() {
        Row staged = OrderEventStaging.orderEvents(RawEvents.of(assigned("e-6",
                ",\"expected_dropoff_at\":\"2026-03-02T12:41:30.250Z\",\"dropoff_lat\":52.093412,\"dropoff_lon\":5.118755")),
                KEY).collectAsList().get(0);

        assertEquals(Timestamp.from(Instant.parse("2026-03-02T12:41:30.250Z")), staged.getAs("expected_dropoff_at"));
        assertEquals(52.093, (double) staged.getAs("dropoff_lat_approx"), 1e-9);
        assertEquals(5.119, (double) staged.getAs("dropoff_lon_approx"), 1e-9);
        assertEquals("ebike", staged.getAs("vehicle"));
    }

    @Test
    void anAssignmentFromBeforeThePlanFieldsKeepsThemNull() {
        Row staged = OrderEventStaging.orderEvents(RawEvents.of(assigned("e-7", "")), KEY).collectAsList().get(0);

        assertNull(staged.getAs("expected_dropoff_at"));
        assertNull(staged.getAs("dropoff_lat_approx"));
        assertNull(staged.getAs("expected_ready_at"));
    }

    @Test
    void eventsOfOtherTopicsAreLeftOut() {
        Row ping = RawEvents.row("forkcast.couriers", 0, 5, "2026-03-02T12:00:01Z", "e-5", "courier_location_pinged",
                "2026-03-02T12:00:00Z", "{\"order_id\":\"o1\",\"payload\":{}}");

        List<Row> staged = OrderEventStaging.orderEvents(RawEvents.of(ping), KEY).collectAsList();

        assertEquals(List.of(), staged);
    }
}
