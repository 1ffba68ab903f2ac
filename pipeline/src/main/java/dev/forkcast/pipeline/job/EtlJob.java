package dev.forkcast.pipeline.job;


import dev.forkcast.pipeline.SparkSessions;
import dev.forkcast.pipeline.features.DeliveryTimeFeatures;
import dev.forkcast.pipeline.features.FraudFeatures;
import dev.forkcast.pipeline.features.RideSpeedTable;
import dev.forkcast.pipeline.job.WarehouseTables.Publish;
import dev.forkcast.pipeline.job.WarehouseTables.Target;
import dev.forkcast.pipeline.marts.DailyKpis;
import dev.forkcast.pipeline.marts.Dimensions;
import dev.forkcast.pipeline.marts.FactOrders;
import dev.forkcast.pipeline.quality.CheckResult;
import dev.forkcast.pipeline.quality.LayerChecks;
import dev.forkcast.pipeline.quality.QualityGate;
import dev.forkcast.pipeline.staging.CourierStaging;
import dev.forkcast.pipeline.staging.CustomerStaging;
import dev.forkcast.pipeline.staging.EventStaging;
import dev.forkcast.pipeline.staging.OrderEventStaging;
import dev.forkcast.pipeline.staging.PaymentStaging;
import dev.forkcast.pipeline.staging.Pseudonyms;
import dev.forkcast.pipeline.staging.RestaurantStaging;
import dev.forkcast.warehouse.DatabaseSettings;
import dev.forkcast.warehouse.Warehouse;
import dev.forkcast.warehouse.features.RideSpeeds;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The ETL, one run: what is new in {@code raw.events} since the last successful run becomes
 * {@code staging}, then {@code marts}, then {@code features}. Each layer is computed by the pure
 * transformations of its package, written to load tables, checked, and published in one transaction;
 * a failed check of severity error stops the run before the layer it checked is published.
 *
 * <pre>
 * raw.events [watermark .. end)  ─ de-duplicate ─▶ staging loads ─ checks ─▶ publish staging
 *   orders touched by new events ─ facts, dims ──▶ marts loads   ─ checks ─▶ publish marts
 *   orders placed after the new events, or touched ─▶ feature loads ─ checks ─▶ publish features + watermark
 * </pre>
 *
 * <p><b>Incremental.</b> The unit of recomputation is what a new event can change: the facts of its
 * order, the KPIs of that order's day, and the features of orders placed after the platform received
 * it (features only see what was received before an order was placed, so earlier orders cannot
 * change). Whatever its lateness, a new event is above the watermark and is read: the 6-hour lateness
 * window ({@link #LATENESS_HOURS}) is only how long a day's KPIs are expected to keep moving (see the
 * freshness check and the README). Re-running with nothing new changes nothing; a full rebuild
 * ({@code --full}) reads raw from offset 0 and replaces every table, and gives the same tables as the
 * incremental runs did.
 */
public final class EtlJob {

    /** Late events arrive up to this many hours after they happened (the simulator's late dirt: 20 min to 6 h). */
    public static final int LATENESS_HOURS = 6;

    static final Target CUSTOMERS = new Target("staging.customers", "customer_id", "signed_up_at", Publish.KEEP_EARLIEST, null);
    static final Target RESTAURANTS = new Target("staging.restaurants", "restaurant_id", "joined_at", Publish.KEEP_EARLIEST, null);
    static final Target COURIERS = new Target("staging.couriers", "courier_id", "joined_at", Publish.KEEP_EARLIEST, null);
    static final Target ORDER_EVENTS = Target.of("staging.order_events", "event_id", Publish.INSERT_NEW);
    static final Target PAYMENT_EVENTS = Target.of("staging.payment_events", "event_id", Publish.INSERT_NEW);
    static final Target COURIER_SHIFTS = Target.of("staging.courier_shifts", "event_id", Publish.INSERT_NEW);
    static final Target COURIER_PINGS = Target.of("staging.courier_pings", "event_id", Publish.INSERT_NEW);
    static final List<Target> STAGING = List.of(CUSTOMERS, RESTAURANTS, COURIERS, ORDER_EVENTS, PAYMENT_EVENTS,
            COURIER_SHIFTS, COURIER_PINGS);

    static final Target FCT_ORDERS = Target.of("marts.fct_orders", "order_id", Publish.REPLACE_KEYS);
    static final Target DIM_RESTAURANTS = Target.of("marts.dim_restaurants", "restaurant_id", Publish.REPLACE_ALL);
    static final Target DIM_CUSTOMERS = Target.of("marts.dim_customers", "customer_id", Publish.REPLACE_ALL);
    static final Target DIM_COURIERS = Target.of("marts.dim_couriers", "courier_id", Publish.REPLACE_ALL);
    static final Target DIM_DATE = Target.of("marts.dim_date", "date_day", Publish.REPLACE_ALL);
    static final Target DAILY_KPIS = new Target("marts.daily_kpis", "order_date", null, Publish.REPLACE_KEYS,
            "SELECT order_date FROM " + LayerChecks.AFFECTED_DAYS);
    static final List<Target> MARTS = List.of(FCT_ORDERS, DIM_RESTAURANTS, DIM_CUSTOMERS, DIM_COURIERS, DIM_DATE,
            DAILY_KPIS);

    /** Small (a few hundred rows a day) and every day may change with late pings: rebuilt whole each run. */
    static final Target RIDE_SPEEDS = Target.of("features.ride_speeds", "day", Publish.REPLACE_ALL);
    static final Target DELIVERY_FEATURES = Target.of("features.delivery_time", "order_id", Publish.REPLACE_KEYS);
    static final Target FRAUD_FEATURES = Target.of("features.fraud", "order_id", Publish.REPLACE_KEYS);
    static final List<Target> FEATURES = List.of(RIDE_SPEEDS, DELIVERY_FEATURES, FRAUD_FEATURES);

    private final SparkSession spark;
    private final DatabaseSettings database;
    private final String piiKey;
    private final WarehouseTables tables;
    private final RunLog runs;
    private final QualityGate gate;
    private final Progress progress;

    public EtlJob(SparkSession spark, DatabaseSettings database, String piiKey, Progress progress) {
        this.spark = spark;
        this.database = database;
        this.piiKey = piiKey;
        this.tables = new WarehouseTables(spark, database);
        this.runs = new RunLog(database.dataSource());
        this.gate = new QualityGate(database.dataSource());
        this.progress = progress;
    }

    /** What a run did: its id, the raw rows it read, the rows it computed per table, and its check results. */
    public record Result(long runId, long rawRows, Map<String, Long> rowsIn, List<CheckResult> checks) {

        public boolean hadInput() {
            return rawRows > 0;
        }
    }

    /** One run; {@code full} rebuilds everything from raw. Throws (after recording the failure) when it fails. */
    public Result run(boolean full) throws SQLException {
        long runId = runs.start("etl", full);
        try {
            Result result = runLayers(runId, full);
            runs.finish(runId, "succeeded", null);
            return result;
        } catch (SQLException | RuntimeException e) {
            runs.finish(runId, "failed", e.getMessage());
            throw e;
        } finally {
            List<Target> all = new ArrayList<>(STAGING);
            all.addAll(MARTS);
            all.addAll(FEATURES);
            tables.dropLoads(all);
            tables.execute("DROP TABLE IF EXISTS " + LayerChecks.INPUT_COUNTS, "DROP TABLE IF EXISTS "
                    + LayerChecks.TOUCHED_ORDERS, "DROP TABLE IF EXISTS " + LayerChecks.AFFECTED_DAYS);
        }
    }

    private Result runLayers(long runId, boolean full) throws SQLException {
        InputRange range;
        try (Connection c = database.dataSource().getConnection()) {
            range = Watermarks.pending(c, full);
        }
        Map<String, Long> rowsIn = new LinkedHashMap<>();
        List<CheckResult> checks = new ArrayList<>();
        if (range.isEmpty()) {
            runs.input(runId, range, 0);
            progress.say("data engineer", "raw.events: nothing new since the last run (watermark at the end)");
            return new Result(runId, 0, rowsIn, checks);
        }

        // --- staging ---------------------------------------------------------------------------------
        long started = System.nanoTime();
        Dataset<Row> raw = tables.read("raw.events", range.predicates())
                .select("topic", "kafka_partition", "kafka_offset", "kafka_timestamp", "event_id", "event_type",
                        "event_time", "body");
        // De-duplicated and parsed once, kept in memory (spilling to disk) for the seven staging tables.
        Dataset<Row> events = EventStaging.withParsedBody(EventStaging.firstArrivalOfEachEvent(raw)).cache();
        long rawRows = rawRowCount(range);
        runs.input(runId, range, rawRows);
        progress.say("data engineer", String.format("raw.events: %,d rows to read (%s)", rawRows,
                full ? "full rebuild" : "new since the last run"));
        long readStarted = System.nanoTime();
        tables.overwrite(LayerChecks.INPUT_COUNTS, InputCounts.byType(events));
        long distinctEvents = tables.sum(LayerChecks.INPUT_COUNTS, "events");
        progress.step("events read, de-duplicated", distinctEvents, readStarted);
        load(rowsIn, CUSTOMERS, CustomerStaging.customers(events, piiKey));
        load(rowsIn, RESTAURANTS, RestaurantStaging.restaurants(events));
        load(rowsIn, COURIERS, CourierStaging.couriers(events));
        load(rowsIn, ORDER_EVENTS, OrderEventStaging.orderEvents(events, piiKey));
        load(rowsIn, PAYMENT_EVENTS, PaymentStaging.paymentEvents(events, piiKey));
        load(rowsIn, COURIER_SHIFTS, CourierStaging.shifts(events));
        load(rowsIn, COURIER_PINGS, CourierStaging.pings(events));
        events.unpersist();
        checks.addAll(gate.enforce(runId, "staging", LayerChecks.staging()));
        tables.publish(STAGING, full, null);
        record(runId, STAGING, rowsIn);
        runs.table(runId, "raw.events", rawRows, distinctEvents);
        progress.done("data engineer", "staging", STAGING, rowsIn, started);

        // --- marts -----------------------------------------------------------------------------------
        started = System.nanoTime();
        tables.execute("DROP TABLE IF EXISTS " + LayerChecks.TOUCHED_ORDERS,
                "CREATE UNLOGGED TABLE " + LayerChecks.TOUCHED_ORDERS + " AS"
                        + " SELECT order_id FROM staging.order_events_load UNION SELECT order_id FROM staging.payment_events_load"
                        + " UNION SELECT order_id FROM staging.courier_pings_load WHERE order_id IS NOT NULL",
                "ALTER TABLE " + LayerChecks.TOUCHED_ORDERS + " ADD PRIMARY KEY (order_id)",
                "ANALYZE " + LayerChecks.TOUCHED_ORDERS);
        String touched = " WHERE order_id IN (SELECT order_id FROM " + LayerChecks.TOUCHED_ORDERS + ")";
        Dataset<Row> orderEvents = tables.read("(SELECT * FROM staging.order_events" + touched + ") AS q");
        Dataset<Row> paymentEvents = tables.read("(SELECT * FROM staging.payment_events" + touched + ") AS q");
        Dataset<Row> pingCounts = tables.read("(SELECT order_id, count(*) AS ping_count FROM staging.courier_pings"
                + touched + " GROUP BY order_id) AS q");
        load(rowsIn, FCT_ORDERS, FactOrders.orders(orderEvents, paymentEvents, pingCounts));
        load(rowsIn, DIM_RESTAURANTS, Dimensions.restaurants(tables.read("staging.restaurants")));
        load(rowsIn, DIM_CUSTOMERS, Dimensions.customers(tables.read("staging.customers")));
        load(rowsIn, DIM_COURIERS, Dimensions.couriers(tables.read("staging.couriers")));
        load(rowsIn, DIM_DATE, Dimensions.dates(tables.read(
                "(SELECT placed_date FROM marts.fct_orders UNION SELECT placed_date FROM marts.fct_orders_load) AS q")));
        tables.execute("DROP TABLE IF EXISTS " + LayerChecks.AFFECTED_DAYS,
                "CREATE UNLOGGED TABLE " + LayerChecks.AFFECTED_DAYS + " AS SELECT placed_date AS order_date"
                        + " FROM marts.fct_orders_load UNION SELECT placed_date FROM marts.fct_orders"
                        + " WHERE order_id IN (SELECT order_id FROM marts.fct_orders_load)");
        Dataset<Row> ordersOfAffectedDays = tables.read("(SELECT * FROM marts.fct_orders WHERE placed_date IN"
                + " (SELECT order_date FROM " + LayerChecks.AFFECTED_DAYS + ") AND order_id NOT IN"
                + " (SELECT order_id FROM marts.fct_orders_load) UNION ALL SELECT * FROM marts.fct_orders_load) AS q");
        load(rowsIn, DAILY_KPIS, DailyKpis.kpis(ordersOfAffectedDays, tables.read("marts.dim_restaurants_load")));
        checks.addAll(gate.enforce(runId, "marts", LayerChecks.marts()));
        tables.publish(MARTS, full, null);
        record(runId, MARTS, rowsIn);
        progress.done("data engineer", "marts", MARTS, rowsIn, started);

        // --- features ------------------------------------------------------------------------------
        started = System.nanoTime();
        Timestamp firstReceived = firstReceivedThisRun();
        String scope = "(SELECT order_id FROM " + LayerChecks.TOUCHED_ORDERS
                + (firstReceived == null ? "" : " UNION SELECT order_id FROM marts.fct_orders WHERE placed_at >= '"
                + firstReceived.toInstant() + "'") + ") AS q";
        Dataset<Row> inScope = tables.read(scope);
        Dataset<Row> facts = tables.read("marts.fct_orders");
        Dataset<Row> allOrderEvents = tables.read("staging.order_events");
        Dataset<Row> restaurants = tables.read("marts.dim_restaurants");
        Dataset<Row> couriers = tables.read("staging.couriers");
        load(rowsIn, RIDE_SPEEDS, RideSpeedTable.build(tables.read(RideSpeedTable.movingPingsQuery()), couriers, facts,
                allOrderEvents));
        // Read back from what was written, so the replay times couriers with exactly the figures the API will read.
        RideSpeeds speeds = RideSpeedTable.collect(tables.read(RIDE_SPEEDS.load()));
        load(rowsIn, DELIVERY_FEATURES, DeliveryTimeFeatures.build(facts, allOrderEvents, restaurants,
                tables.read("staging.courier_shifts"), couriers, speeds)
                .join(inScope, new String[] {"order_id"}, "left_semi"));
        load(rowsIn, FRAUD_FEATURES, FraudFeatures.build(facts, allOrderEvents, tables.read("staging.payment_events"),
                tables.read("staging.customers")).join(inScope, new String[] {"order_id"}, "left_semi"));
        checks.addAll(gate.enforce(runId, "features", LayerChecks.features()));
        // The watermark moves in the same transaction as the last layer: a run that fails before it reads its input again.
        tables.publish(FEATURES, full, c -> Watermarks.advance(c, range, runId));
        record(runId, FEATURES, rowsIn);
        progress.done("ML engineer's tables, built by the data engineer", "features", FEATURES, rowsIn, started);
        return new Result(runId, rawRows, rowsIn, checks);
    }

    private void load(Map<String, Long> rowsIn, Target target, Dataset<Row> rows) throws SQLException {
        long started = System.nanoTime();
        long count = tables.load(target, rows);
        rowsIn.put(target.table(), count);
        progress.step(target.table(), count, started);
    }

    private void record(long runId, List<Target> targets, Map<String, Long> rowsIn) throws SQLException {
        for (Target t : targets) {
            runs.table(runId, t.table(), rowsIn.get(t.table()), tables.count(t.table()));
        }
    }

    private long rawRowCount(InputRange range) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM raw.events WHERE ("
                     + String.join(") OR (", range.predicates()) + ")")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The earliest moment any new event became known (features of orders placed before it cannot change). */
    private Timestamp firstReceivedThisRun() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("""
                     SELECT min(t) FROM (
                       SELECT min(received_at) AS t FROM staging.order_events_load
                       UNION ALL SELECT min(received_at) FROM staging.payment_events_load
                       UNION ALL SELECT min(received_at) FROM staging.courier_shifts_load
                       UNION ALL SELECT min(received_at) FROM staging.courier_pings_load
                       UNION ALL SELECT min(signed_up_at) FROM staging.customers_load
                       UNION ALL SELECT min(joined_at) FROM staging.restaurants_load) m""")) {
            rows.next();
            return rows.getTimestamp(1);
        }
    }

    /** {@code ./forkcast etl [--full]}: one run against the configured warehouse. */
    public static void main(String[] args) throws SQLException {
        boolean full = List.of(args).contains("--full");
        try (Warehouse warehouse = Warehouse.open()) {
            Progress progress = Progress.toConsole();
            progress.say("setup", "warehouse: " + warehouse.description());
            String key = Pseudonyms.keyFromEnvironment();
            progress.say("setup", "PII key:   " + (key.equals(Pseudonyms.DEVELOPMENT_KEY)
                    ? "the development key (set " + Pseudonyms.KEY_VARIABLE + " for real data)" : Pseudonyms.KEY_VARIABLE));
            SparkSession spark = SparkSessions.local("forkcast-etl", false);
            long started = System.nanoTime();
            try {
                Result result = new EtlJob(spark, warehouse.settings(), key, progress).run(full);
                long warnings = result.checks().stream().filter(r -> !r.passed()).count();
                progress.say("done", String.format("run %d succeeded in %.1f s: %d checks, %d warning(s)%s",
                        result.runId(), (System.nanoTime() - started) / 1e9, result.checks().size(), warnings,
                        warnings == 0 ? "" : " (see ops.quality_results)"));
                result.checks().stream().filter(r -> !r.passed()).forEach(r -> progress.say("warning", r.toString()));
            } finally {
                spark.stop();
            }
        }
    }
}
