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
}
