package dev.forkcast.pipeline.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import dev.forkcast.pipeline.Columns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Transformations every staging table starts with: from what arrived to one row per event, and the
 * clock rule for events that a device (a phone) reports with its own clock.
 *
 * <p>Clock rule: an event cannot happen after the platform received it. A phone whose clock runs fast
 * reports exactly that; such an event takes its receive time (the Kafka timestamp) as {@code event_at}
 * and is flagged. A clock that runs slow cannot be told apart from a late delivery here, so it is kept
 * (the marts check the order of events within an order).
 */
public final class EventStaging {

    /** Network and batching delay up to this much is normal; beyond it, event_time "from the future" is a wrong clock. */
    static final String CLOCK_TOLERANCE = "INTERVAL 1 MINUTE";

    private EventStaging() {
    }

    /**
     * One row per {@code event_id}: a retried send lands twice in {@code raw.events} (raw keeps what
     * arrived); staging keeps the copy that arrived first (then the lowest topic, partition, offset, so
     * the choice is the same on every run).
     */
    public static Dataset<Row> firstArrivalOfEachEvent(Dataset<Row> raw) {
        Columns.require(raw, "firstArrivalOfEachEvent", "event_id", "kafka_timestamp", "topic", "kafka_partition",
                "kafka_offset");
        return raw.withColumn("arrival_rank", row_number().over(Window.partitionBy("event_id")
                        .orderBy(col("kafka_timestamp"), col("topic"), col("kafka_partition"), col("kafka_offset"))))
                .filter(col("arrival_rank").equalTo(1))
                .drop("arrival_rank");
    }

    /** The events of one type. */
    public static Dataset<Row> ofType(Dataset<Row> events, String eventType) {
        Columns.require(events, "ofType", "event_type");
        return events.filter(col("event_type").equalTo(eventType));
    }

    /**
     * One event per entity: its first announcement. Each simulator run re-announces the starting city, so
     * a restaurant or a courier can join more than once; the earliest {@code event_time} is when it joined
     * (then the first to arrive, then the lowest event_id, so every run keeps the same event).
     */
    static Dataset<Row> firstAnnouncementOfEach(Dataset<Row> announcements, String entityIdPath) {
        Columns.require(announcements, "firstAnnouncementOfEach", "event_id", "event_time", "kafka_timestamp", "body");
        return announcements.withColumn("announcement", row_number().over(Window.partitionBy(json(entityIdPath))
                        .orderBy(col("event_time"), col("kafka_timestamp"), col("event_id"))))
                .filter(col("announcement").equalTo(1))
                .drop("announcement");
    }

    /** True when the reporting device's clock says the event happened after it reached the platform (see class doc). */
    static Column isFromTheFuture() {
        return col("event_time").gt(col("kafka_timestamp").plus(expr(CLOCK_TOLERANCE)));
    }

    /** When the event happened: its {@code event_time}, or the receive time when that time is from the future. */
    static Column clockCorrectedEventAt() {
        return when(isFromTheFuture(), col("kafka_timestamp")).otherwise(col("event_time"));
    }

    /** A field of the event's JSON body as text, e.g. {@code $.payload.zone_id}; NULL when absent. */
    static Column json(String path) {
        return get_json_object(col("body"), path);
    }
}
