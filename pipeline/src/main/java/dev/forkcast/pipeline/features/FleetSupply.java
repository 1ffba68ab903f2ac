package dev.forkcast.pipeline.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import dev.forkcast.pipeline.Columns;
import dev.forkcast.warehouse.features.FleetState;
import dev.forkcast.warehouse.features.RideSpeeds;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The soonest courier each order could get, as the platform knew its fleet when the order was placed: a
 * replay of every courier event in the order the platform received them, through the same
 * {@link FleetState} the API replays online. The fleet is one shared thing (any courier can take any
 * order), so the replay is one ordered pass: every moment of the history is put in one sorted partition
 * and walked once. That is a few million small rows for a year of a city, seconds of work; it does not
 * spread over executors, which is the price of an exact sequential definition.
 *
 * <p>Moments, in receive order (an event received at the very instant an order was placed was not known
 * yet, so an order's question comes first at equal times):
 * <ol start="0">
 *   <li>an order asks for the soonest courier for its restaurant, at its placement time;</li>
 *   <li>an order's placement arrives: its likely courier is held (see {@link FleetState#placed});</li>
 *   <li>a courier logs in ({@code staging.courier_shifts}, with the vehicle from {@code staging.couriers});</li>
 *   <li>a courier logs off;</li>
 *   <li>a courier is assigned, with the dispatcher's plan ({@code staging.order_events}).</li>
 * </ol>
 *
 * <p>An order's question and its placement time couriers with the speeds of the moment's day for the order's
 * hour and weather ({@link RideSpeeds}), as the API does.
 */
public final class FleetSupply {

    static final int ASK = 0;
    static final int PLACEMENT = 1;
    static final int LOG_IN = 2;
    static final int LOG_OFF = 3;
    static final int ASSIGNED = 4;

    private static final StructType MOMENTS = new StructType()
            .add("at", DataTypes.TimestampType)
            .add("kind", DataTypes.IntegerType)
            .add("id", DataTypes.StringType)
            .add("order_id", DataTypes.StringType)
            .add("courier_id", DataTypes.StringType)
            .add("vehicle", DataTypes.StringType)
            .add("event_at", DataTypes.TimestampType)
            .add("lat", DataTypes.DoubleType)
            .add("lon", DataTypes.DoubleType)
            .add("free_at", DataTypes.TimestampType)
            .add("hour_of_day", DataTypes.IntegerType)
            .add("weather", DataTypes.StringType);

    /** What the replay says about each order (the order's row gains these columns). */
    private static final StructType ANSWERS = new StructType()
            .add("order_id", DataTypes.StringType)
            .add("courier_soonest_arrival_minutes", DataTypes.DoubleType)
            .add("courier_soonest_wait_minutes", DataTypes.DoubleType)
            .add("courier_soonest_km", DataTypes.DoubleType)
            .add("courier_soonest_vehicle", DataTypes.StringType)
            .add("courier_soonest_kmh", DataTypes.DoubleType)
            .add("couriers_available", DataTypes.IntegerType)
            .add("couriers_idle", DataTypes.IntegerType)
            .add("courier_other_vehicle_gap_minutes", DataTypes.DoubleType)
            .add("courier_other_vehicle_kmh", DataTypes.DoubleType);

    private static final UserDefinedFunction RIDE_MINUTES_ESTIMATE =
            udf((UDF2<Double, Double, Double>) (km, kmh) ->
                    km == null || kmh == null ? null : FleetState.rideMinutes(km, kmh), DataTypes.DoubleType);

    private FleetSupply() {
    }

    /**
     * {@code courier_ride_minutes_estimate}: the ride to the door at the soonest courier's speed
     * ({@code courier_soonest_kmh}), by the same Java function the API calls.
     */
    static Column rideMinutesEstimate(Column distanceKm, Column speedKmh) {
        return RIDE_MINUTES_ESTIMATE.apply(distanceKm.cast("double"), speedKmh);
    }

    /**
     * @param orders one row per order: {@code order_id, placed_at, placed_received_at, weather, restaurant_lat,
     *               restaurant_lon}
     * @param orderEvents {@code staging.order_events} (its {@code courier_assigned} rows)
     * @param shifts {@code staging.courier_shifts}
     * @param couriers {@code staging.couriers} (the vehicle of each courier)
     * @param speeds the ride speeds of each day ({@code features.ride_speeds}), small enough to ship with the task
     * @return {@code orders} with the columns of {@link #ANSWERS}
     */
    public static Dataset<Row> withSoonestCourier(Dataset<Row> orders, Dataset<Row> orderEvents, Dataset<Row> shifts,
                                                  Dataset<Row> couriers, RideSpeeds speeds) {
        Columns.require(orders, "FleetSupply", "order_id", "placed_at", "placed_received_at", "weather",
                "restaurant_lat", "restaurant_lon");
        Columns.require(orderEvents, "FleetSupply", "event_id", "order_id", "event_type", "event_at", "received_at",
                "courier_id", "vehicle", "expected_dropoff_at", "dropoff_lat_approx", "dropoff_lon_approx");
        Columns.require(shifts, "FleetSupply", "event_id", "courier_id", "event_type", "event_at", "received_at",
                "lat_approx", "lon_approx");
        Columns.require(couriers, "FleetSupply", "courier_id", "vehicle");

        Column noText = lit(null).cast("string");
        Column noTime = lit(null).cast("timestamp");
        Column noHour = lit(null).cast("int");
        Column hour = RequestFeatureColumns.hourOfDay(col("placed_at"));
        Dataset<Row> withRestaurant = orders.filter(col("restaurant_lat").isNotNull().and(col("restaurant_lon").isNotNull()));
        Dataset<Row> asks = withRestaurant.select(col("placed_at").as("at"), lit(ASK).as("kind"), col("order_id").as("id"),
                col("order_id"), noText.as("courier_id"), noText.as("vehicle"), noTime.as("event_at"),
                col("restaurant_lat").as("lat"), col("restaurant_lon").as("lon"), noTime.as("free_at"),
                hour.as("hour_of_day"), col("weather"));
        Dataset<Row> placements = withRestaurant.filter(col("placed_received_at").isNotNull())
                .select(col("placed_received_at").as("at"), lit(PLACEMENT).as("kind"), col("order_id").as("id"),
                        col("order_id"), noText.as("courier_id"), noText.as("vehicle"), noTime.as("event_at"),
                        col("restaurant_lat").as("lat"), col("restaurant_lon").as("lon"), noTime.as("free_at"),
                        hour.as("hour_of_day"), col("weather"));
        Dataset<Row> shiftMoments = shifts.join(couriers.select("courier_id", "vehicle"), new String[] {"courier_id"}, "left")
                .select(col("received_at").as("at"),
                        when(col("event_type").equalTo("courier_shift_started"), lit(LOG_IN))
                                .otherwise(lit(LOG_OFF)).as("kind"),
                        col("event_id").as("id"), noText.as("order_id"), col("courier_id"), col("vehicle"),
                        col("event_at"), col("lat_approx").as("lat"), col("lon_approx").as("lon"), noTime.as("free_at"),
                        noHour.as("hour_of_day"), noText.as("weather"));
        Dataset<Row> assignments = orderEvents.filter(col("event_type").equalTo("courier_assigned")
                        .and(col("courier_id").isNotNull()))
                .select(col("received_at").as("at"), lit(ASSIGNED).as("kind"), col("event_id").as("id"), col("order_id"),
                        col("courier_id"), col("vehicle"), col("event_at"), col("dropoff_lat_approx").as("lat"),
                        col("dropoff_lon_approx").as("lon"), col("expected_dropoff_at").as("free_at"),
                        noHour.as("hour_of_day"), noText.as("weather"));

        Dataset<Row> moments = asks.unionByName(placements).unionByName(shiftMoments).unionByName(assignments)
                .repartition(1).sortWithinPartitions("at", "kind", "id");
        Dataset<Row> answers = moments.mapPartitions(
                (MapPartitionsFunction<Row, Row>) partition -> replay(partition, speeds), Encoders.row(ANSWERS));
        return orders.join(answers, new String[] {"order_id"}, "left");
    }

    /**
     * Walks the sorted moments through one {@link FleetState}, answering each order's question; lazily, so
     * a long history never holds its answers in memory.
     */
    static Iterator<Row> replay(Iterator<Row> moments, RideSpeeds speeds) {
        FleetState fleet = new FleetState();
        return new Iterator<>() {
            private Row next = advance();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Row next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Row answer = next;
                next = advance();
                return answer;
            }

            private Row advance() {
                while (moments.hasNext()) {
                    Row answer = apply(fleet, speeds, moments.next());
                    if (answer != null) {
                        return answer;
                    }
                }
                return null;
            }
        };
    }

    /** Applies one moment; an order's question returns its answer, anything else null. */
    private static Row apply(FleetState fleet, RideSpeeds speeds, Row m) {
        int kind = m.getInt(1);
        String id = m.getString(2);
        switch (kind) {
            case ASK -> {
                Instant at = instant(m, 0);
                FleetState.Soonest s = fleet.soonestAt(m.getDouble(7), m.getDouble(8), at,
                        speeds.forOrder(at, m.getInt(10), m.getString(11)));
                return RowFactory.create(id, s.arrivalMinutes(), s.waitMinutes(), s.distanceKm(), s.vehicle(),
                        s.speedKmh(), s.availableCouriers(), s.idleCouriers(), s.otherVehicleGapMinutes(),
                        s.otherVehicleSpeedKmh());
            }
            case PLACEMENT -> {
                Instant at = instant(m, 0);
                fleet.placed(id, m.getDouble(7), m.getDouble(8), at, speeds.forOrder(at, m.getInt(10), m.getString(11)));
            }
            case LOG_IN -> fleet.shiftStarted(id, m.getString(4), m.getString(5), instant(m, 6), doubleOrNull(m, 7),
                    doubleOrNull(m, 8));
            case LOG_OFF -> fleet.shiftEnded(id, m.getString(4), instant(m, 6));
            case ASSIGNED -> fleet.assigned(id, m.getString(3), m.getString(4), m.getString(5), instant(m, 6),
                    m.isNullAt(9) ? null : instant(m, 9), doubleOrNull(m, 7), doubleOrNull(m, 8));
            default -> throw new IllegalStateException("unknown moment kind " + kind);
        }
        return null;
    }

    private static Instant instant(Row m, int field) {
        Object value = m.get(field);
        return value instanceof Instant at ? at : ((Timestamp) value).toInstant();
    }

    private static Double doubleOrNull(Row m, int field) {
        return m.isNullAt(field) ? null : m.getDouble(field);
    }
}
