package dev.forkcast.pipeline.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.ingestion.landing.DirectLanding;
import dev.forkcast.pipeline.TestSpark;
import dev.forkcast.pipeline.quality.QualityGateException;
import dev.forkcast.simulator.SimulationConfig;
import dev.forkcast.simulator.SimulationStats;
import dev.forkcast.simulator.Simulator;
import dev.forkcast.simulator.dirt.DirtKind;
import dev.forkcast.simulator.truth.WarehouseTruthWriter;
import dev.forkcast.warehouse.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole ETL on simulated days, in a real PostgreSQL with a local Spark session. The tests run in
 * order on one warehouse, as its life goes: a first run, a run with nothing new, a full rebuild, more
 * days and an incremental run, then a broken input.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EtlJobIT {

    private static final String KEY = "it-key";
    /** A small, dirty city: every kind of dirt at a rate that shows up in a day. */
    private static final SimulationConfig CITY = SimulationConfig.withOverrides(Map.of(
            "city.restaurants", "60", "city.customers", "1500", "city.couriers", "40",
            "demand.orders_per_day", "400", "clock.days", "2", "dirt.late_rate", "0.02",
            "dirt.malformed_rate", "0.005", "dirt.wrong_type_rate", "0.005", "dirt.clock_skew_rate", "0.05"));
    private static final List<String> TABLES = List.of("staging.customers", "staging.restaurants", "staging.couriers",
            "staging.order_events", "staging.payment_events", "staging.courier_shifts", "staging.courier_pings",
            "marts.fct_orders", "marts.dim_restaurants", "marts.dim_customers", "marts.dim_couriers", "marts.dim_date",
            "marts.daily_kpis", "features.delivery_time", "features.fraud");

    private static ScratchDatabase db;
    private static SimulationStats firstHistory;

    @BeforeAll
    static void landTwoDays() throws Exception {
        db = ScratchDatabase.create();
        try (DirectLanding landing = new DirectLanding(db.dataSource());
             WarehouseTruthWriter truth = new WarehouseTruthWriter(db.dataSource())) {
            firstHistory = new Simulator(CITY, 11, landing, truth).run();
        }
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    private static EtlJob.Result etl(boolean full) throws SQLException {
        return new EtlJob(TestSpark.session(), db.settings(), KEY, Progress.silent()).run(full);
    }

    @Test
    @Order(1)
    void martsReconcileWithTheSimulatorsOwnCounts() throws Exception {
        EtlJob.Result result = etl(false);

        assertTrue(result.hadInput());
        // Every order the city placed is one fact, and the KPIs count each once.
        assertEquals(number("SELECT count(*) FROM truth.orders"), number("SELECT count(*) FROM marts.fct_orders"));
        assertEquals(number("SELECT count(*) FROM marts.fct_orders"), number("SELECT sum(orders) FROM marts.daily_kpis"));
        assertEquals(firstHistory.ordersPlaced(), number("SELECT count(*) FROM marts.fct_orders"));
        // Delivered orders take the minutes the world says they took (the slow-clock rule included).
        long delivered = number("SELECT count(*) FROM marts.fct_orders WHERE status = 'delivered'");
        long matching = number("SELECT count(*) FROM marts.fct_orders f JOIN truth.orders t USING (order_id)"
                + " WHERE f.status = 'delivered' AND abs(f.delivery_minutes - t.actual_delivery_minutes) < 0.25");
        assertTrue(delivered > 0.9 * firstHistory.ordersPlaced(), "delivered " + delivered);
        assertTrue(matching >= 0.99 * delivered, matching + " of " + delivered + " delivered orders match the truth");
        // One feature row per order in each feature table.
        assertEquals(firstHistory.ordersPlaced(), number("SELECT count(*) FROM features.delivery_time"));
        assertEquals(firstHistory.ordersPlaced(), number("SELECT count(*) FROM features.fraud"));
        assertEquals(0, number("SELECT count(*) FROM ops.quality_results WHERE run_id = " + result.runId()
                + " AND severity = 'error' AND NOT passed"));
        assertEquals(List.of("succeeded"), strings("SELECT status FROM ops.pipeline_runs WHERE run_id = " + result.runId()));
    }

    @Test
    @Order(2)
    void everyKindOfDirtIsCaughtOrHandledAndTheCountsAgree() throws Exception {
        long firstRun = number("SELECT min(run_id) FROM ops.pipeline_runs");
        // Duplicates: raw keeps both copies, staging one.
        assertEquals(firstHistory.dirt(DirtKind.DUPLICATE), number("SELECT rows_in - rows_out FROM ops.pipeline_run_tables"
                + " WHERE run_id = " + firstRun + " AND table_name = 'raw.events'"));
        // Malformed records and wrong types: dead letters, never in raw.
        assertEquals(firstHistory.dirt(DirtKind.MALFORMED) + firstHistory.dirt(DirtKind.WRONG_TYPE),
                number("SELECT count(*) FROM ops.dead_letters"));
        // A missing optional field stays NULL: one NULL per damaged event.
        assertEquals(firstHistory.dirt(DirtKind.MISSING_FIELD), number("""
                SELECT (SELECT count(*) FROM staging.order_events WHERE event_type = 'order_placed' AND (platform IS NULL OR weather IS NULL))
                     + (SELECT count(*) FROM staging.courier_pings WHERE accuracy_m IS NULL OR battery_pct IS NULL)
                     + (SELECT count(*) FROM staging.customers WHERE platform IS NULL)"""));
        // Wrong clocks: fast ones corrected in staging, slow order_placed ones in the facts; never more than were skewed.
        long corrected = number("""
                SELECT (SELECT count(*) FROM staging.order_events WHERE is_clock_corrected AND event_type <> 'order_placed')
                     + (SELECT count(*) FROM staging.courier_pings WHERE is_clock_corrected)
                     + (SELECT count(*) FROM staging.payment_events WHERE is_clock_corrected)
                     + (SELECT count(*) FROM marts.fct_orders WHERE is_placed_clock_corrected)""");
        assertTrue(corrected > 0 && corrected <= firstHistory.dirt(DirtKind.CLOCK_SKEW),
                corrected + " corrected of " + firstHistory.dirt(DirtKind.CLOCK_SKEW) + " skewed");
        // Late and out-of-order events are placed by their own time and flagged on their order.
        assertTrue(number("SELECT count(*) FROM marts.fct_orders WHERE has_late_events") > 0);
        assertTrue(number("SELECT count(*) FROM marts.fct_orders WHERE has_out_of_order_events") > 0);
        // Personal data never leaves raw in clear.
        assertEquals(0, number("SELECT count(*) FROM staging.customers c WHERE c::text LIKE '%@%' OR c::text LIKE '%+31%'"));
    }

    @Test
    @Order(3)
    void aSecondRunWithNothingNewChangesNothingAndAFullRebuildGivesTheSameTables() throws Exception {
        Map<String, String> before = snapshot();

        EtlJob.Result again = etl(false);
        assertFalse(again.hadInput());
        assertEquals(before, snapshot());

        etl(true);
        assertEquals(before, snapshot());
        assertEquals(0, number("SELECT count(*) FROM pg_tables WHERE tablename LIKE '%\\_load' OR schemaname = 'ops'"
                + " AND tablename LIKE 'run\\_%'"));
    }

    @Test
    @Order(4)
    void anIncrementalRunAfterMoreDaysEqualsAFullRebuild() throws Exception {
        long factsBefore = number("SELECT count(*) FROM marts.fct_orders");
        try (DirectLanding landing = new DirectLanding(db.dataSource())) {
            new Simulator(CITY.with("clock.start_date", "2026-03-04").with("clock.days", "1"), 12, landing,
                    dev.forkcast.simulator.truth.TruthSink.NONE).run();
        }
        EtlJob.Result incremental = etl(false);
        assertTrue(incremental.rawRows() < number("SELECT count(*) FROM raw.events"), "read only the new rows");
        Map<String, String> afterIncremental = snapshot();
        assertTrue(number("SELECT count(*) FROM marts.fct_orders") > factsBefore);

        etl(true);

        assertEquals(afterIncremental, snapshot());
    }

    @Test
    @Order(5)
    void aBrokenInputFailsTheRightCheckAndStopsBeforeTheMarts() throws Exception {
        Map<String, String> before = snapshot();
        String watermark = strings("SELECT string_agg(topic || kafka_partition || ':' || next_offset, ',' ORDER BY topic,"
                + " kafka_partition) FROM ops.etl_watermarks").get(0);
        // A well-formed order from a restaurant nobody ever announced.
        execute("""
                INSERT INTO raw.events (topic, kafka_partition, kafka_offset, kafka_timestamp, record_key, event_id,
                    event_type, schema_version, event_time, body)
                SELECT 'forkcast.orders', 0, max(kafka_offset) + 1, '2026-03-05T12:00:01Z', 'o-ghost', 'e-ghost',
                    'order_placed', 1, '2026-03-05T12:00:00Z',
                    '{"event_id":"e-ghost","event_type":"order_placed","schema_version":1,"event_time":"2026-03-05T12:00:00.000Z","order_id":"o-ghost","customer_id":"cust_000001","restaurant_id":"rest_9999","payload":{"items":[{"item_id":"x","quantity":1,"unit_price_cents":900}],"basket_value_cents":900,"delivery_lat":52.09,"delivery_lon":5.12,"delivery_address":"1 Nowhere","device_id":"dev_x","platform":"ios","promo_code":null,"weather":"clear"}}'
                FROM raw.events WHERE topic = 'forkcast.orders' AND kafka_partition = 0""");

        QualityGateException failure = assertThrows(QualityGateException.class, () -> etl(false));

        assertTrue(failure.getMessage().contains("relationship__staging.order_events__restaurant_id__restaurants"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("rest_9999"), failure.getMessage());
        assertEquals(List.of("failed"), strings("SELECT status FROM ops.pipeline_runs ORDER BY run_id DESC LIMIT 1"));
        assertEquals(before, snapshot(), "nothing of the failed run was published");
        assertEquals(watermark, strings("SELECT string_agg(topic || kafka_partition || ':' || next_offset, ',' ORDER BY"
                + " topic, kafka_partition) FROM ops.etl_watermarks").get(0), "the next run reads the input again");
        assertNotEquals(0, number("SELECT count(*) FROM ops.quality_results WHERE NOT passed AND severity = 'error'"
                + " AND run_id = (SELECT max(run_id) FROM ops.pipeline_runs)"));
    }

    /** A fingerprint of every table the ETL writes: equal fingerprints, equal tables. */
    private static Map<String, String> snapshot() throws SQLException {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        for (String table : TABLES) {
            fingerprints.put(table, strings("SELECT count(*) || ' rows ' || COALESCE(md5(string_agg(t::text, '|'"
                    + " ORDER BY t::text)), '') FROM " + table + " t").get(0));
        }
        return fingerprints;
    }

    private static long number(String sql) throws SQLException {
        return Long.parseLong(strings(sql).get(0));
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
