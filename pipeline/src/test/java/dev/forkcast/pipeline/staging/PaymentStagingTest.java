package dev.forkcast.pipeline.staging;

import static dev.forkcast.pipeline.staging.RawEvents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class PaymentStagingTest {

    private static final String KEY = "test-key";

    @Test
    void anAuthorisationKeepsTheCardOnlyAsAPseudonym() {
        Dataset<Row> events = RawEvents.of(RawEvents.paymentAuthorized("e-1", "2026-03-02T12:00:01Z",
                "2026-03-02T12:00:02Z", "o20260302-000001", "fp_9f86d081884c"));

        List<Row> payments = PaymentStaging.paymentEvents(events, KEY).collectAsList();

        assertEquals(List.of(RowFactory.create("e-1", "o20260302-000001", "cust_000001", "payment_authorized",
                at("2026-03-02T12:00:01Z"), at("2026-03-02T12:00:02Z"), false, 3050L, "EUR",
                Pseudonyms.hmacSha256Hex(KEY, "fp_9f86d081884c"), "NL", "apple_pay", null)), payments);
        assertFalse(payments.toString().contains("fp_9f86d081884c"));
    }

    @Test
    void aRefundRequestedFromAPhoneClockRunningFastTakesTheTimeThePlatformReceivedIt() {
        Dataset<Row> events = RawEvents.of(RawEvents.refundRequested("e-2", "2026-03-02T13:12:00Z",
                "2026-03-02T13:00:00Z", "o20260302-000001", "late"));

        List<Row> refunds = PaymentStaging.paymentEvents(events, KEY)
                .select("event_type", "event_at", "is_clock_corrected", "amount_cents", "reason").collectAsList();

        assertEquals(List.of(RowFactory.create("refund_requested", at("2026-03-02T13:00:00Z"), true, 3050L, "late")),
                refunds);
    }

    @Test
    void aChargebacksReasonCodeIsItsReason() {
        Dataset<Row> events = RawEvents.of(RawEvents.chargebackReceived("e-3", "2026-03-20T09:00:00Z",
                "2026-03-20T09:00:01Z", "o20260302-000001", "fraud_card_not_present"));

        List<Row> chargebacks = PaymentStaging.paymentEvents(events, KEY)
                .select("event_type", "event_at", "is_clock_corrected", "reason").collectAsList();

        assertEquals(List.of(RowFactory.create("chargeback_received", at("2026-03-20T09:00:00Z"), false,
                "fraud_card_not_present")), chargebacks);
    }

    @Test
    void eventsOfOtherTopicsAreLeftOut() {
        Dataset<Row> events = RawEvents.of(
                RawEvents.ping("e-4", "2026-03-02T12:20:00Z", "2026-03-02T12:20:02Z", 8, 72));

        List<Row> payments = PaymentStaging.paymentEvents(events, KEY).collectAsList();

        assertEquals(List.of(), payments);
    }

    @Test
    void theColumnsAreThoseOfStagingPaymentEvents() {
        Dataset<Row> payments = PaymentStaging.paymentEvents(RawEvents.of(), KEY);

        assertEquals("struct<event_id:string,order_id:string,customer_id:string,event_type:string,event_at:timestamp,"
                + "received_at:timestamp,is_clock_corrected:boolean,amount_cents:bigint,currency:string,"
                + "card_fingerprint_pseudonym:string,card_country:string,payment_method:string,reason:string>",
                payments.schema().simpleString());
    }
}
