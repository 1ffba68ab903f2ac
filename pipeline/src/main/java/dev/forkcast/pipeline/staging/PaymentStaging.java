package dev.forkcast.pipeline.staging;

import static dev.forkcast.pipeline.staging.EventStaging.json;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import dev.forkcast.pipeline.Columns;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code staging.payment_events}: one row per payment event of an order — the authorisation, a refund
 * request, a chargeback (the bank disputing the payment days later: the delayed fraud label).
 *
 * <p>A card fingerprint identifies a person's card, so it leaves staging only as a keyed pseudonym (still
 * good for "how many accounts used this card"). A refund request is sent by the customer's phone, so the
 * clock rule of {@link EventStaging} applies; it is applied to all three types, since the payment
 * provider's clock never runs ahead and the rule then changes nothing.
 */
public final class PaymentStaging {

    static final List<String> PAYMENT_EVENT_TYPES = List.of("payment_authorized", "refund_requested",
            "chargeback_received");

    private PaymentStaging() {
    }

    /** From de-duplicated events (see {@link EventStaging#firstArrivalOfEachEvent}). */
    public static Dataset<Row> paymentEvents(Dataset<Row> events, String piiKey) {
        Columns.require(events, "paymentEvents", "event_id", "event_type", "event_time", "kafka_timestamp", "body");
        Dataset<Row> withBody = EventStaging.withParsedBody(events);
        return withBody.filter(col("event_type").isin(PAYMENT_EVENT_TYPES.toArray()))
                .select(
                        col("event_id"),
                        json("$.order_id").as("order_id"),
                        json("$.customer_id").as("customer_id"),
                        col("event_type"),
                        EventStaging.clockCorrectedEventAt().as("event_at"),
                        col("kafka_timestamp").as("received_at"),
                        EventStaging.isFromTheFuture().as("is_clock_corrected"),
                        json("$.payload.amount_cents").cast("long").as("amount_cents"),
                        json("$.payload.currency").as("currency"),
                        Pseudonyms.keyedHash(json("$.payload.card_fingerprint"), piiKey)
                                .as("card_fingerprint_pseudonym"),
                        json("$.payload.card_country").as("card_country"),
                        json("$.payload.payment_method").as("payment_method"),
                        // One column for "why": the customer's refund reason, or the bank's chargeback reason code.
                        when(col("event_type").equalTo("chargeback_received"), json("$.payload.reason_code"))
                                .otherwise(json("$.payload.reason")).as("reason"));
    }
}
