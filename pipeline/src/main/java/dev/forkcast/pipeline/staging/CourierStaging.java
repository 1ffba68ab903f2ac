package dev.forkcast.pipeline.staging;

import static dev.forkcast.pipeline.staging.EventStaging.json;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;

import dev.forkcast.pipeline.Columns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The courier tables of staging: the fleet ({@code staging.couriers}), when couriers start and end
 * their shifts ({@code staging.courier_shifts}) and where their phones say they are while on a job
 * ({@code staging.courier_pings}).
 *
 * <p>Shift events come from the platform's own servers and keep their time. Pings are timed by the
 * courier's phone, whose clock may run fast: they follow the clock rule of {@link EventStaging}.
 */
public final class CourierStaging {

    static final String SHIFT_STARTED = "courier_shift_started";
    static final String SHIFT_ENDED = "courier_shift_ended";

    private CourierStaging() {
    }

    /**
     * One row per courier, from {@code courier_joined}: the first announcement (each simulator run
     * announces the starting fleet again).
     */
    public static Dataset<Row> couriers(Dataset<Row> events) {
        Columns.require(events, "couriers", "event_id", "event_type", "event_time", "kafka_timestamp", "body");
        Dataset<Row> withBody = EventStaging.withParsedBody(events);
        return EventStaging.firstAnnouncementOfEach(EventStaging.ofType(withBody, "courier_joined"), "$.courier_id")
                .select(
                        json("$.courier_id").as("courier_id"),
                        col("event_time").as("joined_at"),
                        json("$.payload.vehicle").as("vehicle"),
                        json("$.payload.home_zone_id").as("home_zone_id"),
                        json("$.payload.shift_pattern").as("shift_pattern"));
    }

    /** One row per shift start or end; zone_id is known at the start, jobs_completed at the end. */
    public static Dataset<Row> shifts(Dataset<Row> events) {
        Columns.require(events, "shifts", "event_id", "event_type", "event_time", "kafka_timestamp", "body");
        Dataset<Row> withBody = EventStaging.withParsedBody(events);
        return withBody.filter(col("event_type").isin(SHIFT_STARTED, SHIFT_ENDED))
                .select(
                        col("event_id"),
                        json("$.courier_id").as("courier_id"),
                        col("event_type"),
                        col("event_time").as("event_at"),
                        col("kafka_timestamp").as("received_at"),
                        json("$.payload.zone_id").as("zone_id"),
                        json("$.payload.jobs_completed").cast("int").as("jobs_completed"),
                        // Where the courier logged in: often home, so rounded like every person's position.
                        round(json("$.payload.lat").cast("double"), 3).as("lat_approx"),
                        round(json("$.payload.lon").cast("double"), 3).as("lon_approx"));
    }

    /**
     * One row per position report. accuracy_m and battery_pct are optional in the contract (older apps
     * leave them out) and stay NULL then; order_id is the job the courier was on.
     */
    public static Dataset<Row> pings(Dataset<Row> events) {
        Columns.require(events, "pings", "event_id", "event_type", "event_time", "kafka_timestamp", "body");
        Dataset<Row> withBody = EventStaging.withParsedBody(events);
        return EventStaging.ofType(withBody, "courier_location_pinged")
                .select(
                        col("event_id"),
                        json("$.courier_id").as("courier_id"),
                        json("$.order_id").as("order_id"),
                        EventStaging.clockCorrectedEventAt().as("event_at"),
                        col("kafka_timestamp").as("received_at"),
                        EventStaging.isFromTheFuture().as("is_clock_corrected"),
                        json("$.payload.lat").cast("double").as("lat"),
                        json("$.payload.lon").cast("double").as("lon"),
                        json("$.payload.job_status").as("job_status"),
                        json("$.payload.speed_kmh").cast("double").as("speed_kmh"),
                        json("$.payload.accuracy_m").cast("int").as("accuracy_m"),
                        json("$.payload.battery_pct").cast("int").as("battery_pct"));
    }
}
