package dev.forkcast.pipeline.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forkcast.pipeline.TestSpark;
import dev.forkcast.warehouse.ScratchDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;


import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** raw.events in a real PostgreSQL, through a local Spark session, into staging.customers. */
class StagingJobIT {

    private static final String KEY = "it-key";
    private static ScratchDatabase db;

    @BeforeAll
    static void landSomeSignups() throws Exception {
        db = ScratchDatabase.create();
        insertRaw(RawEvents.signup("e-1", 1, "2026-03-02T09:00:01Z", "cust_000001", "2026-03-02T09:00:00Z", "Anna Visser"));
        // The producer retried: the same event landed again at a later offset.
        insertRaw(RawEvents.signup("e-1", 7, "2026-03-02T09:00:04Z", "cust_000001", "2026-03-02T09:00:00Z", "Anna Visser"));
        insertRaw(RawEvents.signup("e-2", 2, "2026-03-02T09:05:01Z", "cust_000002", "2026-03-02T09:05:00Z", "Bram Bos"));
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void eachCustomerIsStagedOnceWithPseudonymsOnly() throws Exception {
        long staged = new StagingJob(TestSpark.session(), db.settings(), KEY).run().customers();

        List<String> rows = query("SELECT customer_id || ' ' || name_pseudonym FROM staging.customers ORDER BY 1");
        assertEquals(2, staged);
        assertEquals(List.of("cust_000001 " + Pseudonyms.hmacSha256Hex(KEY, "Anna Visser"),
                "cust_000002 " + Pseudonyms.hmacSha256Hex(KEY, "Bram Bos")), rows);
        assertEquals(List.of("0"), query("SELECT count(*) FROM staging.customers c WHERE c::text LIKE '%Anna%'"
                + " OR c::text LIKE '%mailbox.test%' OR c::text LIKE '%Mill Lane%'"));
    }

    @Test
    void runningTheJobAgainChangesNothing() throws Exception {
        new StagingJob(TestSpark.session(), db.settings(), KEY).run();
        List<String> first = query("SELECT c::text FROM staging.customers c ORDER BY customer_id");

        new StagingJob(TestSpark.session(), db.settings(), KEY).run();

        assertEquals(first, query("SELECT c::text FROM staging.customers c ORDER BY customer_id"));
        assertEquals(List.of("0"), query("SELECT count(*) FROM pg_tables WHERE tablename LIKE '%_load'"));
    }

    private static void insertRaw(Row row) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO raw.events (topic, kafka_partition, kafka_offset, kafka_timestamp, record_key, event_id,"
                        + " event_type, schema_version, event_time, body) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?::json)")) {
            insert.setString(1, row.getString(0));
            insert.setInt(2, row.getInt(1));
            insert.setLong(3, row.getLong(2));
            insert.setTimestamp(4, row.getTimestamp(3));
            insert.setString(5, "cust");
            insert.setString(6, row.getString(4));
            insert.setString(7, row.getString(5));
            insert.setTimestamp(8, row.getTimestamp(6));
            insert.setString(9, row.getString(7));
            insert.executeUpdate();
        }
    }

    private static List<String> query(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

}
