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
 * Source -> transformations -> sink, for the staging tables built so far ({@code staging.customers}).
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

    /** Rebuilds staging.customers from raw.events; returns the number of customers. */
    public long run() throws SQLException {
        Dataset<Row> raw = spark.read().jdbc(database.jdbcUrl(), "raw.events", connectionProperties())
                .select("topic", "kafka_partition", "kafka_offset", "kafka_timestamp", "event_id", "event_type",
                        "event_time", "body");
        Dataset<Row> customers = CustomerStaging.customers(EventStaging.firstArrivalOfEachEvent(raw), piiKey).cache();
        long count = customers.count();
        customers.write().mode(SaveMode.Overwrite).option("truncate", "false")
                .jdbc(database.jdbcUrl(), "staging.customers_load", connectionProperties());
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("TRUNCATE staging.customers");
            s.execute("INSERT INTO staging.customers SELECT customer_id, signed_up_at, name_pseudonym, email_pseudonym,"
                    + " phone_pseudonym, home_address_pseudonym, home_lat_approx, home_lon_approx, device_id, platform,"
                    + " referral_code FROM staging.customers_load");
            s.execute("DROP TABLE staging.customers_load");
            c.commit();
        }
        customers.unpersist();
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
            long customers = new StagingJob(spark, warehouse.settings(), key).run();
            System.out.printf("staging.customers: %,d customers in %.1f s%n", customers, (System.nanoTime() - started) / 1e9);
            spark.stop();
        }
    }
}
