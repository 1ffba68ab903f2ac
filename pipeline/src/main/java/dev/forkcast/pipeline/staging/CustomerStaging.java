package dev.forkcast.pipeline.staging;

import static dev.forkcast.pipeline.staging.EventStaging.json;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;

import dev.forkcast.pipeline.Columns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * {@code staging.customers}: one row per customer, from {@code customer_signed_up} events. Names,
 * emails, phones and street addresses become keyed pseudonyms here, so nothing downstream holds them
 * in clear; home coordinates are rounded to two decimals (about a kilometre), enough for "distance from
 * home" and far from a front door.
 */
public final class CustomerStaging {

    private CustomerStaging() {
    }

    /** From de-duplicated events (see {@link EventStaging#firstArrivalOfEachEvent}). */
    public static Dataset<Row> customers(Dataset<Row> events, String piiKey) {
        Columns.require(events, "customers", "event_type", "event_time", "body");
        Dataset<Row> withBody = EventStaging.withParsedBody(events);
        Dataset<Row> signups = EventStaging.ofType(withBody, "customer_signed_up").select(
                json("$.customer_id").as("customer_id"),
                col("event_time").as("signed_up_at"),
                Pseudonyms.keyedHash(json("$.payload.name"), piiKey).as("name_pseudonym"),
                Pseudonyms.keyedHash(json("$.payload.email"), piiKey).as("email_pseudonym"),
                Pseudonyms.keyedHash(json("$.payload.phone"), piiKey).as("phone_pseudonym"),
                Pseudonyms.keyedHash(json("$.payload.home_address"), piiKey).as("home_address_pseudonym"),
                round(json("$.payload.home_lat").cast("double"), 2).as("home_lat_approx"),
                round(json("$.payload.home_lon").cast("double"), 2).as("home_lon_approx"),
                json("$.payload.device_id").as("device_id"),
                json("$.payload.platform").as("platform"),
                json("$.payload.referral_code").as("referral_code"));
        // A customer can be announced more than once (each simulator run re-announces the starting city):
        // the first announcement is the account.
        return signups.withColumn("announcement", row_number().over(Window.partitionBy("customer_id")
                        .orderBy(col("signed_up_at"), col("device_id"))))
                .filter(col("announcement").equalTo(1))
                .drop("announcement");
    }
}
