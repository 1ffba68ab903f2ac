package dev.forkcast.pipeline.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.weekday;
import static org.apache.spark.sql.functions.year;

import dev.forkcast.pipeline.Columns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The dimensions of the star schema: who and what an order is about (restaurants, couriers, customers)
 * and when it happened (dates). A dimension describes the things analysts filter and group by; counting
 * orders is the fact table's job.
 *
 * <p>Staging already holds one row per entity, so a dimension picks the columns analysts need and adds
 * what they would otherwise compute in every query (the signup day, accounts sharing a phone). It leaves
 * out personal data entirely, pseudonyms included: they stay in staging for whoever has a reason to join
 * on them.
 */
public final class Dimensions {

    private Dimensions() {
    }

    /** {@code marts.dim_restaurants}: one row per restaurant, from {@code staging.restaurants}. */
    public static Dataset<Row> restaurants(Dataset<Row> stagingRestaurants) {
        Columns.require(stagingRestaurants, "restaurants", "restaurant_id", "restaurant_name", "cuisine", "price_level",
                "zone_id", "lat", "lon", "kitchen_capacity", "quoted_prep_minutes", "joined_at");
        return stagingRestaurants.select("restaurant_id", "restaurant_name", "cuisine", "price_level", "zone_id", "lat",
                "lon", "kitchen_capacity", "quoted_prep_minutes", "joined_at");
    }

    /** {@code marts.dim_couriers}: one row per courier, from {@code staging.couriers}. */
    public static Dataset<Row> couriers(Dataset<Row> stagingCouriers) {
        Columns.require(stagingCouriers, "couriers", "courier_id", "vehicle", "home_zone_id", "shift_pattern",
                "joined_at");
        return stagingCouriers.select("courier_id", "vehicle", "home_zone_id", "shift_pattern", "joined_at");
    }

    /**
     * {@code marts.dim_customers}: one row per customer account, from {@code staging.customers}. The
     * device id itself stays behind; what analysts need from it is how many accounts signed up on the same
     * phone (account farms share one).
     */
    public static Dataset<Row> customers(Dataset<Row> stagingCustomers) {
        Columns.require(stagingCustomers, "customers", "customer_id", "signed_up_at", "platform", "referral_code",
                "device_id");
        return stagingCustomers.select(
                col("customer_id"),
                col("signed_up_at"),
                // The session speaks UTC (SparkSessions), so this is the UTC day, like every date in the marts.
                to_date(col("signed_up_at")).as("signup_date"),
                col("platform"),
                col("referral_code").isNotNull().as("has_referral_code"),
                count(lit(1)).over(Window.partitionBy("device_id")).cast("int").as("accounts_on_device"));
    }

    /**
     * {@code marts.dim_date}: one row per calendar day from the first to the last {@code placed_date} of
     * {@code orders}, days without orders included (a report grouped by day should show a quiet day as
     * zero, not leave it out). No orders, no days.
     */
    public static Dataset<Row> dates(Dataset<Row> orders) {
        Columns.require(orders, "dates", "placed_date");
        // One row holding the first and last day; with no orders both are NULL, and exploding the NULL
        // sequence gives no rows.
        Dataset<Row> days = orders.agg(min("placed_date").as("first_day"), max("placed_date").as("last_day"))
                .select(explode(sequence(col("first_day"), col("last_day"))).as("date_day"));
        return days.select(
                col("date_day"),
                year(col("date_day")).as("year"),
                quarter(col("date_day")).as("quarter"),
                month(col("date_day")).as("month"),
                dayofmonth(col("date_day")).as("day_of_month"),
                // weekday() counts Monday = 0 to Sunday = 6; ISO 8601 numbers the days Monday = 1 to Sunday = 7.
                weekday(col("date_day")).plus(1).as("iso_day_of_week"),
                // Spark formats dates in English whatever the machine's locale: "Monday".
                date_format(col("date_day"), "EEEE").as("day_name"),
                weekday(col("date_day")).geq(5).as("is_weekend"));
    }
}
