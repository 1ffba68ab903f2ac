package dev.forkcast.pipeline.features;

import static org.apache.spark.sql.functions.udf;

import dev.forkcast.warehouse.features.RequestFeatures;
import java.sql.Timestamp;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The request-time features of {@link RequestFeatures} as Spark columns. They call the very same Java
 * functions the API calls on each request, wrapped as UDFs: a Spark re-implementation (say
 * {@code hour(placed_at)}) would be a second definition that could drift from the first, and training on
 * one definition while serving another is the classic training/serving skew.
 */
final class RequestFeatureColumns {

    // UDFs are opaque to Spark's optimiser and cost a call per row; for five features on a million
    // orders that is a second or two, a fair price for a single definition.
    private static final UserDefinedFunction HOUR_OF_DAY = udf(
            (UDF1<Timestamp, Integer>) at -> RequestFeatures.hourOfDay(at.toInstant()), DataTypes.IntegerType);
    private static final UserDefinedFunction DAY_OF_WEEK = udf(
            (UDF1<Timestamp, Integer>) at -> RequestFeatures.dayOfWeek(at.toInstant()), DataTypes.IntegerType);
    private static final UserDefinedFunction IS_WEEKEND = udf(
            (UDF1<Timestamp, Boolean>) at -> RequestFeatures.isWeekend(at.toInstant()), DataTypes.BooleanType);
    private static final UserDefinedFunction IS_NIGHT_ORDER = udf(
            (UDF1<Timestamp, Boolean>) at -> RequestFeatures.isNightOrder(at.toInstant()), DataTypes.BooleanType);
    private static final UserDefinedFunction DISTANCE_KM = udf(
            (UDF4<Double, Double, Double, Double, Double>) RequestFeatures::distanceKm, DataTypes.DoubleType);

    private RequestFeatureColumns() {
    }

    static Column hourOfDay(Column placedAt) {
        return HOUR_OF_DAY.apply(placedAt);
    }

    static Column dayOfWeek(Column placedAt) {
        return DAY_OF_WEEK.apply(placedAt);
    }

    static Column isWeekend(Column placedAt) {
        return IS_WEEKEND.apply(placedAt);
    }

    static Column isNightOrder(Column placedAt) {
        return IS_NIGHT_ORDER.apply(placedAt);
    }

    /** Km between two points; NULL when a coordinate is missing. */
    static Column distanceKm(Column lat1, Column lon1, Column lat2, Column lon2) {
        // A Java UDF gets exactly the type it is handed: a numeric column (as JDBC may read one) would
        // arrive as a BigDecimal and fail, so every coordinate is cast to double first.
        return DISTANCE_KM.apply(lat1.cast("double"), lon1.cast("double"), lat2.cast("double"), lon2.cast("double"));
    }
}
