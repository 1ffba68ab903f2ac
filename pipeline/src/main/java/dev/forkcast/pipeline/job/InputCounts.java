package dev.forkcast.pipeline.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;

import dev.forkcast.events.EventType;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** What a run read, per event type, after de-duplication: the left side of the raw-to-staging reconciliation. */
final class InputCounts {

    private InputCounts() {
    }

    /** Columns event_type, events, is_known_type (a type no staging table takes would be lost silently). */
    static Dataset<Row> byType(Dataset<Row> events) {
        Object[] known = Arrays.stream(EventType.values()).map(EventType::wireName).toArray();
        return events.groupBy("event_type").agg(count("*").as("events"))
                .withColumn("is_known_type", col("event_type").isin(known));
    }
}
