package dev.forkcast.pipeline.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import dev.forkcast.pipeline.Columns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Transformations every staging table starts with: from what arrived to one row per event. */
public final class EventStaging {

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
}
