package dev.forkcast.pipeline.bench;

import dev.forkcast.bench.BenchReport;
import dev.forkcast.bench.ChildJvm;
import dev.forkcast.pipeline.SparkSessions;
import dev.forkcast.pipeline.job.EtlJob;
import dev.forkcast.pipeline.job.Progress;
import dev.forkcast.warehouse.ScratchDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ./forkcast bench etl [--orders 1000000]}: how much the ETL costs, measured in one run.
 *
 * <ol>
 *   <li>A history of about {@code --orders} orders is landed straight into {@code raw.events} of a
 *       scratch database (the ingestion module's {@code LandHistory}, in a child process: no Kafka, which
 *       has its own benchmark).</li>
 *   <li>The ETL runs on all of it: staging, marts, features and every quality check. Reported: seconds,
 *       raw rows/s and orders/s.</li>
 *   <li>Baseline: the daily KPIs alone, in one SQL statement inside PostgreSQL straight from raw
 *       ({@code daily_kpis_plain.sql}). The two results are compared row by row: the baseline is also a
 *       check that the ETL's KPIs are right.</li>
 *   <li>The same for a history three times longer: the cost should grow close to 3x (target: at most
 *       3.6x, i.e. within 20% of linear).</li>
 * </ol>
 *
 * The city is the default one with 20,000 orders a day (and restaurants, customers and couriers to
 * match), so 1,000,000 orders take 50 simulated days; couriers report their position every 5 minutes
 * instead of every minute, so the history is about orders rather than mostly pings.
 */
public final class EtlBenchmark {

    private static final int ORDERS_PER_DAY = 20_000;
    private static final double GROWTH_LIMIT = 3.6;

    private EtlBenchmark() {
    }

    /** One size's figures. */
    private record Figures(long orders, long rawRows, double etlSeconds, double sqlSeconds, long kpiRows,
                           long kpiRowsDiffering) {
    }

    public static void main(String[] args) throws Exception {
        long orders = args.length >= 2 && args[0].equals("--orders") ? Long.parseLong(args[1]) : 1_000_000;
        int days = (int) Math.max(1, Math.round(orders / (double) ORDERS_PER_DAY));
        SparkSession spark = SparkSessions.local("forkcast-bench-etl", false);
        try {
            Figures base = measure(spark, days);
            Figures triple = measure(spark, 3 * days);
            BenchReport report = new BenchReport("etl", String.format(
                    "histories of %d and %d simulated days at %,d orders/day (%,d and %,d orders), Spark local[*],"
                            + " embedded PostgreSQL", days, 3 * days, ORDERS_PER_DAY, base.orders, triple.orders));
            for (Figures f : List.of(base, triple)) {
                String size = String.format("%,d orders", f.orders);
                report.measurement("ETL, raw rows (" + size + ")", f.rawRows, f.etlSeconds, "rows");
                report.measurement("ETL, orders (" + size + ")", f.orders, f.etlSeconds, "orders");
                report.measurement("plain SQL daily KPIs, raw rows (" + size + ")", f.rawRows, f.sqlSeconds, "rows");
                report.ratio("ETL time / plain SQL time (" + size + ")", f.etlSeconds / f.sqlSeconds,
                        "the price of staging, marts, features and checks over the KPIs alone");
                report.target(String.format("KPIs equal to plain SQL's (%s): %d of %d rows differ", size,
                        f.kpiRowsDiffering, f.kpiRows), f.kpiRowsDiffering == 0);
            }
            double growth = triple.etlSeconds / base.etlSeconds;
            double dataGrowth = triple.rawRows / (double) base.rawRows;
            report.ratio("ETL time growth for 3x the history", growth, String.format(
                    "raw rows grew %.2fx; linear cost would grow the same", dataGrowth));
            report.target(String.format("cost growth close to linear: %.2fx time for %.2fx rows (at most %.1fx)",
                    growth, dataGrowth, GROWTH_LIMIT * dataGrowth / 3), growth <= GROWTH_LIMIT * dataGrowth / 3);
            report.print(System.out);
            System.out.println("saved " + report.save());
        } finally {
            spark.stop();
        }
    }

    private static Figures measure(SparkSession spark, int days) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create()) {
            System.out.printf("%n== %d simulated days: landing the history into raw.events...%n", days);
            landHistory(db, days);
            long orders = number(db, "SELECT count(*) FROM truth.orders");
            long rawRows = number(db, "SELECT count(*) FROM raw.events");
            execute(db, "VACUUM ANALYZE raw.events");

            System.out.printf("== ETL over %,d raw rows (%,d orders)...%n", rawRows, orders);
            long started = System.nanoTime();
            new EtlJob(spark, db.settings(), "bench-key", Progress.toConsole()).run(false);
            double etlSeconds = (System.nanoTime() - started) / 1e9;

            System.out.println("== plain SQL daily KPIs...");
            String sql = plainSql();
            started = System.nanoTime();
            execute(db, "CREATE TABLE ops.bench_daily_kpis AS " + sql);
            double sqlSeconds = (System.nanoTime() - started) / 1e9;

            long kpiRows = number(db, "SELECT count(*) FROM marts.daily_kpis");
            long differing = number(db, """
                    SELECT count(*) FROM marts.daily_kpis m FULL JOIN ops.bench_daily_kpis b USING (order_date, zone_id, cuisine)
                    WHERE m.orders IS DISTINCT FROM b.orders OR m.delivered IS DISTINCT FROM b.delivered
                       OR m.cancelled IS DISTINCT FROM b.cancelled OR m.on_time_deliveries IS DISTINCT FROM b.on_time_deliveries
                       OR m.gross_value_cents IS DISTINCT FROM b.gross_value_cents
                       OR m.refund_requests IS DISTINCT FROM b.refund_requests OR m.chargebacks IS DISTINCT FROM b.chargebacks
                       OR abs(m.avg_delivery_minutes - b.avg_delivery_minutes) > 1e-6""");
            System.out.printf("   ETL %.1f s, plain SQL %.1f s, KPI rows %,d (%d differ)%n", etlSeconds, sqlSeconds,
                    kpiRows, differing);
            return new Figures(orders, rawRows, etlSeconds, sqlSeconds, kpiRows, differing);
        }
    }

    /** Runs the ingestion module's LandHistory in a child JVM against {@code db}, showing its output. */
    private static void landHistory(ScratchDatabase db, int days) throws IOException, InterruptedException {
        Path classpath = Path.of(System.getenv().getOrDefault("FORKCAST_HOME", "."), "pipeline", "target",
                "bench-classpath.txt");
        ChildJvm.run(db.settings(), List.of("-Xmx4g"), Files.readString(classpath).trim(),
                "dev.forkcast.ingestion.bench.LandHistory", List.of("--seed", "42", "--clock.days", String.valueOf(days),
                        "--demand.orders_per_day", String.valueOf(ORDERS_PER_DAY),
                        "--city.restaurants", "3000", "--city.customers", "120000", "--city.couriers", "2000",
                        "--demand.new_customers_per_day", "270", "--fraud.stolen_card_accounts_per_day", "80",
                        "--fraud.farms_per_week", "40", "--delivery.ping_interval_seconds", "300"));
    }

    private static String plainSql() throws IOException {
        try (InputStream in = EtlBenchmark.class.getResourceAsStream("daily_kpis_plain.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long number(ScratchDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(ScratchDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
