package dev.forkcast.pipeline.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forkcast.pipeline.TestSpark;
import dev.forkcast.warehouse.features.RequestFeatures;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The Spark columns give what the API's Java functions give, on the instants where they could differ. */
class RequestFeatureColumnsTest {

    private static final List<Instant> EDGES = List.of(
            Instant.parse("2026-03-01T23:59:59.999Z"),   // Sunday, last millisecond
            Instant.parse("2026-03-02T00:00:00Z"),       // Monday, first millisecond: a night order
            Instant.parse("2026-03-02T05:59:59.999Z"),   // the last night millisecond
            Instant.parse("2026-03-02T06:00:00Z"),       // morning
            Instant.parse("2026-03-07T13:30:00Z"));      // Saturday lunch

    @Test
    void timeFeaturesEqualTheJavaFunctions() {
        StructType schema = new StructType().add("placed_at", DataTypes.TimestampType);
        Dataset<Row> orders = TestSpark.session().createDataFrame(
                EDGES.stream().map(at -> RowFactory.create(Timestamp.from(at))).toList(), schema);

        List<Row> rows = orders.orderBy("placed_at").select(
                RequestFeatureColumns.hourOfDay(orders.col("placed_at")),
                RequestFeatureColumns.dayOfWeek(orders.col("placed_at")),
                RequestFeatureColumns.isWeekend(orders.col("placed_at")),
                RequestFeatureColumns.isNightOrder(orders.col("placed_at"))).collectAsList();

        List<List<Object>> expected = EDGES.stream().map(at -> List.<Object>of(RequestFeatures.hourOfDay(at),
                RequestFeatures.dayOfWeek(at), RequestFeatures.isWeekend(at), RequestFeatures.isNightOrder(at))).toList();
        assertEquals(expected, rows.stream().map(r -> List.of(r.get(0), r.get(1), r.get(2), r.get(3))).toList());
    }

    @Test
    void distanceEqualsTheJavaFunctionAndIsNullWithoutACoordinate() {
        StructType schema = new StructType().add("lat1", DataTypes.DoubleType).add("lon1", DataTypes.DoubleType)
                .add("lat2", DataTypes.DoubleType).add("lon2", DataTypes.DoubleType);
        Dataset<Row> points = TestSpark.session().createDataFrame(Arrays.asList(
                RowFactory.create(52.090, 5.120, 52.080, 5.130),
                RowFactory.create(52.090, 5.120, null, 5.130)), schema);

        List<Row> rows = points.select(RequestFeatureColumns.distanceKm(points.col("lat1"), points.col("lon1"),
                points.col("lat2"), points.col("lon2"))).collectAsList();

        assertEquals(RequestFeatures.distanceKm(52.090, 5.120, 52.080, 5.130), rows.get(0).get(0));
        assertEquals(null, rows.get(1).get(0));
    }
}
