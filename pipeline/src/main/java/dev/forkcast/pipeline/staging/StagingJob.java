package dev.forkcast.pipeline.staging;

import dev.forkcast.pipeline.SparkSessions;
import dev.forkcast.warehouse.DatabaseSettings;
import dev.forkcast.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Source -> transformations -> sink, for the staging tables built so far ({@code staging.customers},
 * {@code staging.order_events}).
 * Reads {@code raw.events} over JDBC, applies the pure transformations of this package and replaces the
 * table in one PostgreSQL transaction, so readers see the old table or the new one, never half of each.
 *
 * <p>Spark writes over JDBC one transaction per partition: it loads a scratch table, and the swap into
 * the real table is a single transaction of our own.
 */
public final class StagingJob {

    private final SparkSession spark;
    private final DatabaseSettings database;
    private final String piiKey;

    public StagingJob(SparkSession spark, DatabaseSettings database, String piiKey) {
        this.spark = spark;
        this.database = database;
        this.piiKey = piiKey;
    }

    /** What a run staged. */
    public record Result(long customers, long orderEvents) {
    }

    /** Rebuilds the staging tables from raw.events. */
    public Result run() throws SQLException {
        Dataset<Row> raw = spark.read().jdbc(database.jdbcUrl(), "raw.events", connectionProperties())
                .select("topic", "kafka_partition", "kafka_offset", "kafka_timestamp", "event_id", "event_type",
                        "event_time", "body");
        Dataset<Row> events = EventStaging.firstArrivalOfEachEvent(raw).cache();
        long customers = replace(CustomerStaging.customers(events, piiKey), "staging.customers");
        long orderEvents = replace(OrderEventStaging.orderEvents(events, piiKey), "staging.order_events");
        events.unpersist();
        return new Result(customers, orderEvents);
    }

    /**
     * Loads {@code rows} into a scratch table beside {@code table}, then swaps it in within one
     * transaction. The columns are matched by name, so the dataset may list them in any order.
     */
    private long replace(Dataset<Row> rows, String table) throws SQLException {
        Dataset<Row> cached = rows.cache();
        long count = cached.count();
        String load = table + "_load";
        cached.write().mode(SaveMode.Overwrite).jdbc(database.jdbcUrl(), load, connectionProperties());
        String columns = String.join(", ", cached.columns());
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("TRUNCATE " + table);
            s.execute("INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM " + load);
            s.execute("DROP TABLE " + load);
            c.commit();
        }
        cached.unpersist();
        return count;
    }

    private Properties connectionProperties() {
        Properties p = new Properties();
        p.put("user", database.user());
        p.put("password", database.password() == null ? "" : database.password());
        p.put("driver", "org.postgresql.Driver");
        // Batched inserts rewritten into multi-row statements: several times faster into PostgreSQL.
        p.put("reWriteBatchedInserts", "true");
        return p;
    }

    /** {@code ./forkcast etl} (first slice): stages customers in the configured warehouse. */
    public static void main(String[] args) throws SQLException {
        try (Warehouse warehouse = Warehouse.open()) {
            System.out.println("warehouse: " + warehouse.description());
            String key = Pseudonyms.keyFromEnvironment();
            System.out.println("PII key:   " + (key.equals(Pseudonyms.DEVELOPMENT_KEY)
                    ? "the development key (set " + Pseudonyms.KEY_VARIABLE + " for real data)" : Pseudonyms.KEY_VARIABLE));
            SparkSession spark = SparkSessions.local("forkcast-staging", false);
            long started = System.nanoTime();
            Result result = new StagingJob(spark, warehouse.settings(), key).run();
            System.out.printf("staging.customers: %,d customers%nstaging.order_events: %,d events%nin %.1f s%n",
                    result.customers(), result.orderEvents(), (System.nanoTime() - started) / 1e9);
            spark.stop();
        }
    }
}
