package dev.forkcast.pipeline.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ETL's watermark: per raw topic and partition, the first offset not yet processed
 * ({@code ops.etl_watermarks}). The lander writes each partition in offset order and one batch at a
 * time, so everything below the watermark has been processed and everything above it has not: a late
 * event is simply a new row above the watermark, and no lateness is too late to be read.
 */
final class Watermarks {

    private Watermarks() {
    }

    /** What is new since the last successful run ({@code full}: everything in raw). */
    static InputRange pending(Connection c, boolean full) throws SQLException {
        List<InputRange.Slice> slices = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT r.topic, r.kafka_partition, COALESCE(w.next_offset, 0), r.last_offset + 1
                FROM (SELECT topic, kafka_partition, max(kafka_offset) AS last_offset
                      FROM raw.events GROUP BY topic, kafka_partition) r
                LEFT JOIN ops.etl_watermarks w USING (topic, kafka_partition)
                ORDER BY r.topic, r.kafka_partition""");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                long from = full ? 0 : rows.getLong(3);
                long to = Math.max(from, rows.getLong(4));
                slices.add(new InputRange.Slice(rows.getString(1), rows.getInt(2), from, to));
            }
        }
        return new InputRange(slices);
    }

    /** Moves the watermark past {@code range}, inside the caller's transaction. */
    static void advance(Connection c, InputRange range, long runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO ops.etl_watermarks (topic, kafka_partition, next_offset, run_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (topic, kafka_partition)
                DO UPDATE SET next_offset = excluded.next_offset, run_id = excluded.run_id, updated_at = now()""")) {
            for (InputRange.Slice slice : range.slices()) {
                s.setString(1, slice.topic());
                s.setInt(2, slice.partition());
                s.setLong(3, slice.to());
                s.setLong(4, runId);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
