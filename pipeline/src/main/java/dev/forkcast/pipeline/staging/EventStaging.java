package dev.forkcast.pipeline.staging;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import dev.forkcast.events.EventContract;
import dev.forkcast.events.EventContracts;
import dev.forkcast.events.EventType;
import dev.forkcast.events.FieldSpec;
import dev.forkcast.pipeline.Columns;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

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
     *
     * <p>Duplicates are rare (about 1% here), so sorting every event body to find them would cost most of
     * the staging run. Instead the first copy of each repeated id is found from the narrow columns alone
     * (id, arrival, coordinates: a small shuffle), broadcast to every task, and one pass over the events
     * keeps every event whose id is not repeated and, of a repeated one, the copy that arrived first.
     */
    public static Dataset<Row> firstArrivalOfEachEvent(Dataset<Row> raw) {
        Columns.require(raw, "firstArrivalOfEachEvent", "event_id", "kafka_timestamp", "topic", "kafka_partition",
                "kafka_offset");
        // min of a struct compares field by field: earliest arrival, then topic, partition, offset.
        Dataset<Row> firstCopies = raw.groupBy("event_id")
                .agg(count("*").as("copies"), min(struct("kafka_timestamp", "topic", "kafka_partition", "kafka_offset"))
                        .as("first"))
                .filter(col("copies").gt(1))
                .select(col("event_id").as("repeated_id"), col("first.topic").as("first_topic"),
                        col("first.kafka_partition").as("first_partition"), col("first.kafka_offset").as("first_offset"));
        Column isTheFirstCopy = col("topic").equalTo(col("first_topic"))
                .and(col("kafka_partition").equalTo(col("first_partition")))
                .and(col("kafka_offset").equalTo(col("first_offset")));
        return raw.join(broadcast(firstCopies), raw.col("event_id").equalTo(firstCopies.col("repeated_id")), "left_outer")
                .filter(col("repeated_id").isNull().or(isTheFirstCopy))
                .drop("repeated_id", "first_topic", "first_partition", "first_offset");
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

    /** The column holding the parsed body (see {@link #withParsedBody}). */
    static final String PARSED = "parsed";

    /**
     * Parses each event's JSON body once, into a struct of every envelope and payload field any event type
     * has (the event contracts list them), each as text exactly as {@code get_json_object} would give it.
     * The staging transformations read their fields from it with {@link #json}: one parse per event
     * instead of one per field. Does nothing when the column is already there, so the job parses once
     * for all staging tables and each transformation still works on raw rows alone.
     */
    public static Dataset<Row> withParsedBody(Dataset<Row> events) {
        Columns.require(events, "withParsedBody", "body");
        if (Arrays.asList(events.columns()).contains(PARSED)) {
            return events;
        }
        return events.withColumn(PARSED, from_json(col("body"), BODY_SCHEMA));
    }

    /** Every field of every event contract, as text (arrays and objects as their JSON). */
    private static final StructType BODY_SCHEMA = bodySchema();

    private static StructType bodySchema() {
        Set<String> envelope = new TreeSet<>(EventContract.ALL_ENTITY_IDS);
        Set<String> payload = new TreeSet<>();
        for (EventType type : EventType.values()) {
            payload.addAll(EventContracts.of(type).payload().stream().map(FieldSpec::name).toList());
        }
        StructType schema = new StructType();
        for (String field : envelope) {
            schema = schema.add(field, DataTypes.StringType);
        }
        StructType payloadSchema = new StructType();
        for (String field : payload) {
            payloadSchema = payloadSchema.add(field, DataTypes.StringType);
        }
        return schema.add("payload", payloadSchema);
    }

    /**
     * An ISO-8601 instant written by a producer ({@code 2026-03-02T12:19:30.000Z}) as a timestamp; NULL
     * when absent. The offset in the text decides the instant, whatever the session's time zone.
     */
    static Column timestamp(Column isoText) {
        return isoText.cast("timestamp");
    }

    /**
     * A field of the event's parsed body as text, e.g. {@code $.payload.zone_id}; NULL when absent. The
     * dataset must have gone through {@link #withParsedBody}.
     */
    static Column json(String path) {
        if (!path.startsWith("$.")) {
            throw new IllegalArgumentException("a body path starts with $., got " + path);
        }
        return col(PARSED + "." + path.substring(2));
    }
}
