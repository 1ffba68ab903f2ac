package dev.forkcast.pipeline.job;

import dev.forkcast.warehouse.DatabaseSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * How the ETL reads and writes the warehouse. Spark's JDBC writer commits once per partition, so a
 * reader could see half a table; instead every result goes to a <em>load table</em> beside its target
 * ({@code marts.fct_orders_load}), is checked there, and is then published into the target in one
 * PostgreSQL transaction of ours. Readers see the old rows or the new ones, never a mix.
 */
final class WarehouseTables {

    /** How a load table's rows enter their target. */
    enum Publish {
        /** Events are immutable: rows whose key is already there (from an earlier run) are kept as they are. */
        INSERT_NEW,
        /** Entities: the earliest announcement wins, whichever run saw it. */
        KEEP_EARLIEST,
        /** Rows of the same keys (orders, days) are deleted, then the load's rows inserted. */
        REPLACE_KEYS,
        /** The whole table is replaced (small tables: the dimensions). */
        REPLACE_ALL
    }

    /**
     * A target table, its key, and how it is published. {@code scope} (REPLACE_KEYS only) selects the keys
     * to delete when they are not simply the load's keys (a KPI day with no orders left still goes).
     */
    record Target(String table, String key, String earliestColumn, Publish publish, String scope) {

        static Target of(String table, String key, Publish publish) {
            return new Target(table, key, null, publish, null);
        }

        String load() {
            return table + "_load";
        }
    }

    private final SparkSession spark;
    private final DatabaseSettings database;
    private final CopyWriter copy;

    WarehouseTables(SparkSession spark, DatabaseSettings database) {
        this.spark = spark;
        this.database = database;
        this.copy = new CopyWriter(database.jdbcUrl(), database.user(), database.password());
    }

    /** Rows of a table or of a query ({@code (SELECT ...) AS q}), read over JDBC. */
    Dataset<Row> read(String tableOrQuery) {
        return spark.read().jdbc(database.jdbcUrl(), tableOrQuery, properties());
    }

    /** Rows read with one query per predicate, in parallel: a partitioned read. */
    Dataset<Row> read(String table, String[] predicates) {
        return spark.read().jdbc(database.jdbcUrl(), table, predicates, properties());
    }

    /**
     * Writes {@code rows} into a fresh load table of {@code target} (same columns, no constraints: a NULL
     * where none belongs is for the quality checks to find and report, not for a constraint to crash on)
     * and returns how many rows it holds.
     */
    long load(Target target, Dataset<Row> rows) throws SQLException {
        execute("DROP TABLE IF EXISTS " + target.load(),
                "CREATE UNLOGGED TABLE " + target.load() + " AS SELECT * FROM " + target.table() + " WITH NO DATA");
        copy.write(rows, target.load());
        return count(target.load());
    }

    /** Replaces a run's scratch table with {@code rows} (Spark creates it with types of its own choosing). */
    void overwrite(String table, Dataset<Row> rows) {
        rows.write().mode(SaveMode.Overwrite).jdbc(database.jdbcUrl(), table, properties());
    }

    long sum(String table, String column) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COALESCE(sum(" + column + "), 0) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Publishes the load tables of {@code targets} into their tables, all in one transaction. */
    void publish(List<Target> targets, boolean replaceEverything, Transactional andThen) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                for (Target t : targets) {
                    publish(s, t, replaceEverything);
                }
                if (andThen != null) {
                    andThen.run(c);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            // Fresh planner statistics for what was just published: on a new warehouse autovacuum has not
            // looked yet, and the API's first lookups planned without statistics took 13-28 s instead of 1-2 s
            // (measured by the demo). ANALYZE samples a fixed number of rows: well under a second a table.
            c.setAutoCommit(true);
            for (Target t : targets) {
                s.execute("ANALYZE " + t.table());
            }
        }
    }

    /** Work that joins a publishing transaction (the watermark moves with the last layer). */
    interface Transactional {
        void run(Connection connection) throws SQLException;
    }

    private void publish(Statement s, Target t, boolean replaceEverything) throws SQLException {
        Publish mode = replaceEverything ? Publish.REPLACE_ALL : t.publish();
        String insert = "INSERT INTO " + t.table() + " SELECT * FROM " + t.load();
        switch (mode) {
            case INSERT_NEW -> s.execute(insert + " ON CONFLICT (" + t.key() + ") DO NOTHING");
            case KEEP_EARLIEST -> {
                List<String> columns = columns(s.getConnection(), t.table());
                String set = String.join(", ", columns.stream().map(col -> col + " = excluded." + col).toList());
                s.execute(insert + " ON CONFLICT (" + t.key() + ") DO UPDATE SET " + set
                        + " WHERE excluded." + t.earliestColumn() + " < " + t.table() + "." + t.earliestColumn());
            }
            case REPLACE_KEYS -> {
                String keys = t.scope() != null ? t.scope() : "SELECT " + t.key() + " FROM " + t.load();
                s.execute("DELETE FROM " + t.table() + " WHERE " + t.key() + " IN (" + keys + ")");
                s.execute(insert);
            }
            case REPLACE_ALL -> {
                s.execute("DELETE FROM " + t.table());
                s.execute(insert);
            }
        }
    }

    long count(String table) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    void execute(String... statements) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    void dropLoads(List<Target> targets) throws SQLException {
        execute(targets.stream().map(t -> "DROP TABLE IF EXISTS " + t.load()).toArray(String[]::new));
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        String[] parts = table.split("\\.");
        List<String> names = new ArrayList<>();
        try (var s = c.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            s.setString(1, parts[0]);
            s.setString(2, parts[1]);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("user", database.user());
        p.put("password", database.password() == null ? "" : database.password());
        p.put("driver", "org.postgresql.Driver");
        // Batched inserts rewritten into multi-row statements, for the run's small scratch tables (loads use COPY).
        p.put("reWriteBatchedInserts", "true");
        // Rows per fetch when reading: the driver streams with a cursor instead of holding a partition in memory.
        p.put("fetchsize", "10000");
        return p;
    }
}
