package dev.forkcast.pipeline.features;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The timeline technique for point-in-time features: how many, or how much, of something had the
 * platform received in the window just before each order?
 *
 * <p>The obvious way is a range join (each order joined to every event of its restaurant in the last
 * seven days), which grows with orders × events and blows up on a busy restaurant. The timeline instead
 * puts both kinds of rows on one time axis per entity:
 *
 * <pre>
 *   restaurant_id  t (epoch millis)  is_order  known_prep_millis
 *   r1             1000              false     600000       an earlier order's pickup, received at t
 *   r1             5000              true      null         an order placed at t: the row we want features for
 *   r1             7000              false     840000       received after that order: cannot count for it
 * </pre>
 *
 * and lets a window function add up what lies before each row: {@code rangeBetween(unboundedPreceding,
 * -1)} is every row with {@code t < T}, all of history before the order. The {@code -1} (one millisecond,
 * the resolution of every clock here) makes it strictly before: what arrived at the very instant of the
 * order was not known yet. Order rows add nothing (their values are null); after the window only they are
 * kept.
 *
 * <p>A window of the last seven days is the difference of two such running sums: everything before
 * {@code T} minus everything before {@code T - 7 days}. Why not {@code rangeBetween(-7 days, -1)}
 * directly? Spark adds up a sliding frame afresh each time it slides, so its cost is rows × rows in the
 * frame (hundreds of orders in a busy hour); a frame that starts at the beginning only ever grows, and
 * Spark keeps adding to one total: a single pass after one sort per entity.
 *
 * <p>Most events belong to an order, so {@link #unfold} makes each order row into several rows: itself at
 * its placement, and one per {@link Moment} at which one of its facts reached the platform. One pass over
 * the orders, no join. Events are placed at the time the platform <em>received</em> them, not when they
 * happened: a late event was not known yet. An order's own moments are taken out afterwards (see the
 * callers), because a window cannot tell its own row's moments from the others'.
 */
final class Timeline {

    /** The time axis: epoch milliseconds, the resolution of every clock in Forkcast. */
    static final String T = "t";
    /** True on the rows that ask (orders), false on the rows that answer (events). */
    static final String IS_ORDER = "is_order";

    /**
     * Facts of an order that reached the platform at {@code receivedAt} (NULL: never, no row), each value
     * a column named with {@code .as(name)}. {@code receivedAt} may be an array of times: one row each.
     */
    record Moment(Column receivedAt, boolean isArray, List<Column> values) {
    }

    private Timeline() {
    }

    /** Epoch milliseconds of a timestamp column. */
    static Column millis(Column timestamp) {
        return unix_millis(timestamp);
    }

    static Moment moment(Column receivedAt, Column... values) {
        return new Moment(receivedAt, false, List.of(values));
    }

    /** One moment per element of {@code receivedAts}, an array of timestamps. */
    static Moment moments(Column receivedAts, Column... values) {
        return new Moment(receivedAts, true, List.of(values));
    }

    /**
     * Each order as a row at {@code orderTime} followed by a row per moment. Moment rows keep only
     * {@code key} of the order's columns (the rest are NULL, so they cost little to shuffle); order rows
     * have NULL values.
     */
    static Dataset<Row> unfold(Dataset<Row> orders, Column orderTime, String key, Moment... moments) {
        if (moments.length == 0) {
            return orders.withColumn(T, millis(orderTime)).withColumn(IS_ORDER, lit(true));
        }
        List<Column> allValues = Arrays.stream(moments).flatMap(m -> m.values().stream()).toList();
        // Every row of the array needs the same fields: the values of all moments, NULL where not its own.
        StructType valueTypes = orders.select(allValues.toArray(Column[]::new)).schema();

        List<Column> single = new ArrayList<>();
        single.add(row(millis(orderTime), true, valueTypes, Map.of()));
        List<Column> arrays = new ArrayList<>();
        for (Moment m : moments) {
            if (m.isArray()) {
                arrays.add(transform(coalesce(m.receivedAt(), array()), at -> row(millis(at), false, valueTypes,
                        named(orders, m.values()))));
            } else {
                single.add(row(millis(m.receivedAt()), false, valueTypes, named(orders, m.values())));
            }
        }
        arrays.add(0, array(single.toArray(Column[]::new)));
        Column rows = arrays.size() == 1 ? arrays.get(0) : concat(arrays.toArray(Column[]::new));

        List<Column> out = new ArrayList<>();
        for (String c : orders.columns()) {
            out.add(c.equals(key) ? col(c) : when(col("moment." + IS_ORDER), col(c)).as(c));
        }
        out.add(col("moment.*"));
        return orders.withColumn("moment", explode(rows))
                .filter(col("moment." + T).isNotNull())
                .select(out.toArray(Column[]::new));
    }

    /** Adds events that belong to no order (shift changes, signups): {@code key} and value columns. */
    static Dataset<Row> withEvents(Dataset<Row> timeline, Dataset<Row> events, Column receivedAt) {
        return timeline.unionByName(events.withColumn(T, millis(receivedAt)).withColumn(IS_ORDER, lit(false)), true);
    }

    /** The sum of {@code value} over the rows of the same {@code key} received in {@code [T - window, T)}. */
    static Column sumWithin(String value, String key, Duration window) {
        WindowSpec beforeWindowStart = ordered(key).rangeBetween(Window.unboundedPreceding(), -window.toMillis() - 1);
        return sumBefore(value, key).minus(coalesce(sum(value).over(beforeWindowStart), lit(0L)));
    }

    /** The sum of {@code value} over the rows of the same {@code key} received before {@code T}. */
    static Column sumBefore(String value, String key) {
        return coalesce(sum(value).over(ordered(key).rangeBetween(Window.unboundedPreceding(), -1)), lit(0L));
    }

    /** The sum of {@code value} over the rows of the same {@code key} received at or before {@code T}. */
    static Column sumUpTo(String value, String key) {
        return coalesce(sum(value).over(ordered(key).rangeBetween(Window.unboundedPreceding(), Window.currentRow())),
                lit(0L));
    }

    /** Only the order rows, without the timeline's own columns. */
    static Dataset<Row> orderRows(Dataset<Row> timeline, String... valueColumns) {
        return timeline.filter(col(IS_ORDER)).drop(T, IS_ORDER).drop(valueColumns);
    }

    /** Whether an order's own moment at {@code receivedAt} lies in {@code [T - window, T)} of the order. */
    static Column ownMomentWithin(Column receivedAt, Column placedAt, Duration window) {
        Column t = millis(receivedAt);
        Column placed = millis(placedAt);
        return t.geq(placed.minus(window.toMillis())).and(t.lt(placed));
    }

    private static Column row(Column t, boolean isOrder, StructType valueTypes, Map<String, Column> values) {
        List<Column> fields = new ArrayList<>();
        fields.add(t.as(T));
        fields.add(lit(isOrder).as(IS_ORDER));
        for (StructField field : valueTypes.fields()) {
            Column value = values.getOrDefault(field.name(), lit(null));
            fields.add(value.cast(field.dataType()).as(field.name()));
        }
        return struct(fields.toArray(Column[]::new));
    }

    /** The values by the names they were given with {@code .as(name)}. */
    private static Map<String, Column> named(Dataset<Row> orders, List<Column> values) {
        Map<String, Column> byName = new HashMap<>();
        for (Column value : values) {
            byName.put(orders.select(value).columns()[0], value);
        }
        return byName;
    }

    /** Ordered by time within each {@code key}; a null key is the whole city on one axis. */
    private static WindowSpec ordered(String key) {
        return key == null ? Window.orderBy(T) : Window.partitionBy(key).orderBy(T);
    }
}
