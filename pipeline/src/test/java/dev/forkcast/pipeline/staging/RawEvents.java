package dev.forkcast.pipeline.staging;

import dev.forkcast.pipeline.TestSpark;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Rows shaped like {@code raw.events}, built inline for transformation tests. */
final class RawEvents {

    static final StructType SCHEMA = new StructType()
            .add("topic", DataTypes.StringType)
            .add("kafka_partition", DataTypes.IntegerType)
            .add("kafka_offset", DataTypes.LongType)
            .add("kafka_timestamp", DataTypes.TimestampType)
            .add("event_id", DataTypes.StringType)
            .add("event_type", DataTypes.StringType)
            .add("event_time", DataTypes.TimestampType)
            .add("body", DataTypes.StringType);

    private RawEvents() {
    }

    static Row row(String topic, int partition, long offset, String arrivedAt, String eventId, String eventType,
                   String happenedAt, String body) {
        return RowFactory.create(topic, partition, offset, at(arrivedAt), eventId, eventType, at(happenedAt), body);
    }

    /** An instant as the JDBC type Spark collects TimestampType into. */
    static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }

    static Dataset<Row> of(Row... rows) {
        List<Row> list = Arrays.asList(rows);
        return TestSpark.session().createDataFrame(list, SCHEMA);
    }

    /** A customer_signed_up record as the simulator writes it. */
    static Row signup(String eventId, long offset, String arrivedAt, String customerId, String signedUpAt, String name) {
        String body = "{\"event_id\":\"" + eventId + "\",\"event_type\":\"customer_signed_up\",\"schema_version\":1,"
                + "\"event_time\":\"" + signedUpAt + "\",\"customer_id\":\"" + customerId + "\",\"payload\":{"
                + "\"name\":\"" + name + "\",\"email\":\"anna.visser123@mailbox.test\",\"phone\":\"+31 6 12345678\","
                + "\"home_address\":\"12 Mill Lane\",\"home_lat\":52.093412,\"home_lon\":5.118755,"
                + "\"device_id\":\"dev_0000001\",\"platform\":\"ios\"}}";
        return row("forkcast.registrations", 0, offset, arrivedAt, eventId, "customer_signed_up", signedUpAt, body);
    }

    /** A restaurant_joined record: a pizzeria in zone z03 (each simulator run announces the starting city). */
    static Row restaurantJoined(String eventId, String joinedAt, String arrivedAt, String restaurantId, String name) {
        String body = body(eventId, "restaurant_joined", joinedAt, "\"restaurant_id\":\"" + restaurantId + "\"",
                "\"name\":\"" + name + "\",\"cuisine\":\"pizza\",\"price_level\":2,\"lat\":52.090737,"
                        + "\"lon\":5.121420,\"zone_id\":\"z03\",\"kitchen_capacity\":6,\"quoted_prep_minutes\":13");
        return row("forkcast.registrations", 0, 1, arrivedAt, eventId, "restaurant_joined", joinedAt, body);
    }

    /** A courier_joined record: a courier living in zone z07 who rides dinner shifts. */
    static Row courierJoined(String eventId, String joinedAt, String arrivedAt, String courierId, String vehicle) {
        String body = body(eventId, "courier_joined", joinedAt, "\"courier_id\":\"" + courierId + "\"",
                "\"vehicle\":\"" + vehicle + "\",\"home_zone_id\":\"z07\",\"shift_pattern\":\"dinner\"");
        return row("forkcast.registrations", 0, 1, arrivedAt, eventId, "courier_joined", joinedAt, body);
    }

    /** A courier_shift_started record. */
    static Row shiftStarted(String eventId, String startedAt, String arrivedAt, String courierId, String zoneId) {
        String body = body(eventId, "courier_shift_started", startedAt, "\"courier_id\":\"" + courierId + "\"",
                "\"zone_id\":\"" + zoneId + "\"");
        return row("forkcast.couriers", 0, 1, arrivedAt, eventId, "courier_shift_started", startedAt, body);
    }

    /** A courier_shift_started record that says where the courier logged in (events since the plan fields). */
    static Row shiftStarted(String eventId, String startedAt, String arrivedAt, String courierId, String zoneId,
                            double lat, double lon) {
        String body = body(eventId, "courier_shift_started", startedAt, "\"courier_id\":\"" + courierId + "\"",
                "\"zone_id\":\"" + zoneId + "\",\"lat\":" + lat + ",\"lon\":" + lon);
        return row("forkcast.couriers", 0, 1, arrivedAt, eventId, "courier_shift_started", startedAt, body);
    }

    /** A courier_shift_ended record. */
    static Row shiftEnded(String eventId, String endedAt, String arrivedAt, String courierId, int jobsCompleted) {
        String body = body(eventId, "courier_shift_ended", endedAt, "\"courier_id\":\"" + courierId + "\"",
                "\"jobs_completed\":" + jobsCompleted);
        return row("forkcast.couriers", 0, 1, arrivedAt, eventId, "courier_shift_ended", endedAt, body);
    }

    /**
     * A courier_location_pinged record of courier cour_0007 riding order o20260302-000001 to the customer;
     * a null accuracy or battery is left out, as older apps do.
     */
    static Row ping(String eventId, String happenedAt, String arrivedAt, Integer accuracyM, Integer batteryPct) {
        String body = body(eventId, "courier_location_pinged", happenedAt,
                "\"order_id\":\"o20260302-000001\",\"courier_id\":\"cour_0007\"",
                "\"lat\":52.091234,\"lon\":5.119876,\"job_status\":\"to_customer\",\"speed_kmh\":17.5"
                        + (accuracyM == null ? "" : ",\"accuracy_m\":" + accuracyM)
                        + (batteryPct == null ? "" : ",\"battery_pct\":" + batteryPct));
        return row("forkcast.couriers", 0, 1, arrivedAt, eventId, "courier_location_pinged", happenedAt, body);
    }

    /** A payment_authorized record: EUR 30.50 by Apple Pay on a Dutch card, for customer cust_000001. */
    static Row paymentAuthorized(String eventId, String happenedAt, String arrivedAt, String orderId,
                                 String cardFingerprint) {
        String body = body(eventId, "payment_authorized", happenedAt, payer(orderId),
                "\"amount_cents\":3050,\"currency\":\"EUR\",\"card_fingerprint\":\"" + cardFingerprint + "\","
                        + "\"card_country\":\"NL\",\"payment_method\":\"apple_pay\"");
        return row("forkcast.payments", 0, 1, arrivedAt, eventId, "payment_authorized", happenedAt, body);
    }

    /** A refund_requested record for the whole EUR 30.50, sent by the customer's app. */
    static Row refundRequested(String eventId, String happenedAt, String arrivedAt, String orderId, String reason) {
        String body = body(eventId, "refund_requested", happenedAt, payer(orderId),
                "\"amount_cents\":3050,\"reason\":\"" + reason + "\"");
        return row("forkcast.payments", 0, 1, arrivedAt, eventId, "refund_requested", happenedAt, body);
    }

    /** A chargeback_received record for the whole EUR 30.50, with the bank's reason code. */
    static Row chargebackReceived(String eventId, String happenedAt, String arrivedAt, String orderId,
                                  String reasonCode) {
        String body = body(eventId, "chargeback_received", happenedAt, payer(orderId),
                "\"amount_cents\":3050,\"reason_code\":\"" + reasonCode + "\"");
        return row("forkcast.payments", 0, 1, arrivedAt, eventId, "chargeback_received", happenedAt, body);
    }

    private static String payer(String orderId) {
        return "\"order_id\":\"" + orderId + "\",\"customer_id\":\"cust_000001\"";
    }

    /** A body as the simulator writes it: the envelope, the entity ids that apply, the payload's fields. */
    private static String body(String eventId, String eventType, String happenedAt, String entityIds, String payload) {
        return "{\"event_id\":\"" + eventId + "\",\"event_type\":\"" + eventType + "\",\"schema_version\":1,"
                + "\"event_time\":\"" + happenedAt + "\"," + entityIds + ",\"payload\":{" + payload + "}}";
    }
}
