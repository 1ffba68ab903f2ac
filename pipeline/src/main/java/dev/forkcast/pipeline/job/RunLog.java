package dev.forkcast.pipeline.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;

/**
 * Records runs in {@code ops.pipeline_runs} and their tables in {@code ops.pipeline_run_tables}. Each
 * write commits on its own, so a failed run's record survives the rollback of its work.
 */
final class RunLog {

    private final DataSource dataSource;

    RunLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    long start(String job, boolean full) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO ops.pipeline_runs (job, mode, status) VALUES (?, ?, 'running') RETURNING run_id")) {
            s.setString(1, job);
            s.setString(2, full ? "full" : "incremental");
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    void input(long runId, InputRange range, long rawRows) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE ops.pipeline_runs SET input_offsets = ?::jsonb, raw_rows_read = ? WHERE run_id = ?")) {
            s.setString(1, range.toJson());
            s.setLong(2, rawRows);
            s.setLong(3, runId);
            s.executeUpdate();
        }
    }

    void table(long runId, String table, long rowsIn, long rowsOut) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO ops.pipeline_run_tables (run_id, table_name, rows_in, rows_out) VALUES (?, ?, ?, ?)
                     ON CONFLICT (run_id, table_name) DO UPDATE SET rows_in = excluded.rows_in, rows_out = excluded.rows_out""")) {
            s.setLong(1, runId);
            s.setString(2, table);
            s.setLong(3, rowsIn);
            s.setLong(4, rowsOut);
            s.executeUpdate();
        }
    }

    void finish(long runId, String status, String error) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE ops.pipeline_runs SET status = ?, finished_at = now(), error = ? WHERE run_id = ?")) {
            s.setString(1, status);
            if (error == null) {
                s.setNull(2, Types.VARCHAR);
            } else {
                s.setString(2, error);
            }
            s.setLong(3, runId);
            s.executeUpdate();
        }
    }
}
