package dev.forkcast.pipeline.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.pipeline.TestSpark;
import dev.forkcast.warehouse.features.RideSpeeds;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class RideSpeedTableTest {

    private static final StructType PINGS = new StructType()
            .add("courier_id", DataTypes.StringType)
            .add("order_id", DataTypes.StringType)
            .add("received_at", DataTypes.TimestampType)
            .add("speed_kmh", DataTypes.DoubleType);
    private static final StructType ORDERS = new StructType()
            .add("order_id", DataTypes.StringType)
            .add("placed_at", DataTypes.TimestampType)
            .add("weather", DataTypes.StringType);

    /** 2026-03-02, an evening: the order's placement hour is 18 UTC. */
    private static final Instant MONDAY_EVENING = Instant.parse("2026-03-02T18:10:00Z");

    private final List<Row> pings = new ArrayList<>();
    private final List<Row> orders = new ArrayList<>();
    private final List<Row> orderEvents = new ArrayList<>();
    private final List<Row> couriers = List.of(RowFactory.create("car1", "car"), RowFactory.create("bike1", "bike"));

    private void order(String id, Instant placedAt, Instant placementReceivedAt, String weather) {
        orders.add(RowFactory.create(id, ts(placedAt), weather));
        orderEvents.add(RowFactory.create(id + "-placed", id, "order_placed", ts(placedAt), ts(placementReceivedAt),
                null, null, null, null, null, null, null, null));
    }

    private void pings(String courier, String order, Instant receivedAt, double... speeds) {
        for (double speed : speeds) {
            pings.add(RowFactory.create(courier, order, ts(receivedAt), speed));
        }
    }

    /** The rows learned over the week, as "day vehicle hour weather" to "pings @ km/h". */
    private Map<String, String> table() {
        return table(RideSpeeds.Window.WEEK);
    }

    private Map<String, String> table(RideSpeeds.Window window) {
        Dataset<Row> table = RideSpeedTable.build(frame(pings, PINGS), frame(couriers, History.COURIERS),
                frame(orders, ORDERS), frame(orderEvents, History.ORDER_EVENTS));
        Map<String, String> out = new TreeMap<>();
        for (Row r : table.filter(table.col("learned_over").equalTo(window.column())).collectAsList()) {
            out.put(r.getAs("day") + " " + r.getAs("vehicle") + " " + r.getAs("hour_of_day") + " " + r.getAs("weather"),
                    r.getAs("pings") + " @ " + r.getAs("speed_kmh"));
        }
        return out;
    }

    @Test
    void aDaysPingsTeachTheWeekAfterItNeverTheirOwnDay() {
        order("o1", MONDAY_EVENING, MONDAY_EVENING, "rain");
        pings("car1", "o1", MONDAY_EVENING.plusSeconds(600), 10.0, 12.0, 14.0);

        Map<String, String> table = table();

        assertEquals(RideSpeeds.WINDOW_DAYS, table.size(), table.toString());
        assertEquals("3 @ 12.0", table.get("2026-03-03 car 18 rain"));
        assertEquals("3 @ 12.0", table.get("2026-03-09 car 18 rain"));
        assertTrue(table.keySet().stream().noneMatch(k -> k.startsWith("2026-03-02") || k.startsWith("2026-03-10")),
                table.toString());
    }

    @Test
    void cellsAreByVehicleAndTheOrdersHourAndWeatherAndWindowsAdd() {
        order("o1", MONDAY_EVENING, MONDAY_EVENING, "rain");
        order("o2", MONDAY_EVENING.plusSeconds(3600), MONDAY_EVENING.plusSeconds(3600), "clear");
        order("o3", MONDAY_EVENING.plusSeconds(86_400), MONDAY_EVENING.plusSeconds(86_400), "rain");
        // Pings received at 23:30 belong to an order placed at 18:10: hour 18, not 23.
        pings("car1", "o1", MONDAY_EVENING.plusSeconds(5 * 3600 + 1200), 10.0);
        pings("bike1", "o1", MONDAY_EVENING.plusSeconds(600), 9.0);
        pings("car1", "o2", MONDAY_EVENING.plusSeconds(4000), 20.0);
        pings("car1", "o3", MONDAY_EVENING.plusSeconds(86_400 + 600), 16.0);

        Map<String, String> table = table();

        assertEquals("1 @ 10.0", table.get("2026-03-03 car 18 rain"));
        assertEquals("2 @ 13.0", table.get("2026-03-04 car 18 rain"), "Monday's and Tuesday's pings together");
        assertEquals("1 @ 16.0", table.get("2026-03-10 car 18 rain"), "Monday's have left the window");
        assertEquals("1 @ 9.0", table.get("2026-03-03 bike 18 rain"));
        assertEquals("1 @ 20.0", table.get("2026-03-03 car 19 clear"));
    }

    @Test
    void theHistoryKeepsEveryDayBeforeUpToTheDayAfterTheLastPing() {
        order("o1", MONDAY_EVENING, MONDAY_EVENING, "storm");
        order("o2", MONDAY_EVENING.plusSeconds(9 * 86_400), MONDAY_EVENING.plusSeconds(9 * 86_400), "storm");
        pings("bike1", "o1", MONDAY_EVENING.plusSeconds(600), 8.0);
        pings("bike1", "o2", MONDAY_EVENING.plusSeconds(9 * 86_400 + 600), 6.0);

        Map<String, String> history = table(RideSpeeds.Window.HISTORY);
        Map<String, String> week = table(RideSpeeds.Window.WEEK);

        assertEquals("1 @ 8.0", history.get("2026-03-03 bike 18 storm"));
        assertEquals("1 @ 8.0", history.get("2026-03-11 bike 18 storm"), "kept after the week has let it go");
        assertEquals(null, week.get("2026-03-11 bike 18 storm"));
        assertEquals("2 @ 7.0", history.get("2026-03-12 bike 18 storm"));
        assertEquals("1 @ 6.0", week.get("2026-03-12 bike 18 storm"));
        assertEquals(10, history.size(), "one row a day from 3 to 12 March: " + history);
    }

    @Test
    void aPingTeachesOnlyOnceItsOrdersPlacementHasArrived() {
        // The placement arrived late, after midnight: the ping was not usable on Tuesday's table.
        order("o1", MONDAY_EVENING, Instant.parse("2026-03-03T00:20:00Z"), "rain");
        pings("car1", "o1", MONDAY_EVENING.plusSeconds(600), 12.0);

        Map<String, String> table = table();

        assertEquals(null, table.get("2026-03-03 car 18 rain"));
        assertEquals("1 @ 12.0", table.get("2026-03-04 car 18 rain"));
    }

    @Test
    void glitchesAndUnknownWeathersTeachNothing() {
        order("o1", MONDAY_EVENING, MONDAY_EVENING, "rain");
        order("o2", MONDAY_EVENING, MONDAY_EVENING, "sunny-ish");
        pings("car1", "o1", MONDAY_EVENING.plusSeconds(600), 12.0, 250.0, 0.0);
        pings("car1", "o2", MONDAY_EVENING.plusSeconds(600), 30.0);
        pings("car1", "o-never-placed", MONDAY_EVENING.plusSeconds(600), 30.0);

        Map<String, String> table = table();

        assertEquals("1 @ 12.0", table.get("2026-03-03 car 18 rain"));
        assertEquals(RideSpeeds.WINDOW_DAYS, table.size(), table.toString());
    }

    @Test
    void theCollectedTableKeepsCellsWithEnoughPings() {
        order("o1", MONDAY_EVENING, MONDAY_EVENING, "rain");
        order("o2", MONDAY_EVENING, MONDAY_EVENING, "clear");
        for (int i = 0; i < RideSpeeds.MIN_PINGS; i++) {
            pings("car1", "o1", MONDAY_EVENING.plusSeconds(600), 10.0 + i % 2);
        }
        pings("car1", "o2", MONDAY_EVENING.plusSeconds(600), 30.0);

        RideSpeeds speeds = RideSpeedTable.collect(RideSpeedTable.build(frame(pings, PINGS),
                frame(couriers, History.COURIERS), frame(orders, ORDERS), frame(orderEvents, History.ORDER_EVENTS)));

        Instant tuesday = Instant.parse("2026-03-03T12:00:00Z");
        assertEquals(10.5, speeds.kmh(tuesday, "car", 18, "rain"));
        assertEquals(RideSpeeds.typicalKmh("car"), speeds.kmh(tuesday, "car", 18, "clear"), "one ping is not enough");
        assertEquals(RideSpeeds.WINDOW_DAYS, speeds.learnedCells(), "the week's rows; the history's are the same cells");
        assertEquals(LocalDate.parse("2026-03-03"), RideSpeeds.dayOf(tuesday));
    }

    private static Dataset<Row> frame(List<Row> rows, StructType schema) {
        return TestSpark.session().createDataFrame(rows, schema);
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
