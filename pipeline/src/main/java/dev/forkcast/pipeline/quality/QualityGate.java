package dev.forkcast.pipeline.quality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs a layer's checks inside PostgreSQL (where the rows are: nothing is pulled out to be checked),
 * stores every result in {@code ops.quality_results} with the run, and throws when a check of severity
 * error failed. Results are committed on their own, so they survive the run they stopped.
 */
public final class QualityGate {

    private final DataSource dataSource;

    public QualityGate(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code checks}, records them under {@code runId}, and returns the results; throws if one must stop the run. */
    public List<CheckResult> enforce(long runId, String layer, List<Check> checks) throws SQLException {
        List<CheckResult> results = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (Check check : checks) {
                long failing = number(c, check.failingRowsSql());
                String detail = failing == 0 || check.detailSql() == null ? null : text(c, check.detailSql());
                results.add(new CheckResult(check, failing, detail));
            }
            record(c, runId, results);
        }
        List<CheckResult> stopping = results.stream().filter(CheckResult::stopsTheRun).toList();
        if (!stopping.isEmpty()) {
            throw new QualityGateException(layer, stopping);
        }
        return results;
    }

    private static void record(Connection c, long runId, List<CheckResult> results) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO ops.quality_results (run_id, check_name, layer, table_name, kind, severity, passed,
                    failing_rows, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (run_id, check_name) DO UPDATE SET passed = excluded.passed,
                    failing_rows = excluded.failing_rows, detail = excluded.detail, checked_at = now()""")) {
            for (CheckResult r : results) {
                Check check = r.check();
                s.setLong(1, runId);
                s.setString(2, check.name());
                s.setString(3, check.layer());
                s.setString(4, check.table());
                s.setString(5, check.kind());
                s.setString(6, check.severity().sqlName());
                s.setBoolean(7, r.passed());
                s.setLong(8, r.failingRows());
                s.setString(9, r.detail());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static long number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
