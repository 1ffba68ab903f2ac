package dev.forkcast.api.pipeline;

import dev.forkcast.api.database.Jdbc;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;

/** {@code ops.pipeline_runs} and {@code ops.quality_results}, read only. */
@Singleton
public class PipelineRepository {

    private final Jdbc jdbc;

    public PipelineRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<PipelineRun> latestRuns(int limit) throws SQLException {
        return jdbc.query("""
                SELECT run_id, job, mode, started_at, finished_at, status, raw_rows_read, error
                FROM ops.pipeline_runs ORDER BY run_id DESC LIMIT ?""",
                row -> new PipelineRun(row.getLong("run_id"), row.getString("job"), row.getString("mode"),
                        Jdbc.instant(row, "started_at"), Jdbc.instant(row, "finished_at"), row.getString("status"),
                        Jdbc.nullableLong(row, "raw_rows_read"), row.getString("error")),
                limit);
    }

    public boolean runExists(long runId) throws SQLException {
        return !jdbc.query("SELECT 1 FROM ops.pipeline_runs WHERE run_id = ?", row -> true, runId).isEmpty();
    }

    public List<QualityResult> quality(long runId) throws SQLException {
        return jdbc.query("""
                SELECT check_name, layer, table_name, kind, severity, passed, failing_rows, detail, checked_at
                FROM ops.quality_results WHERE run_id = ? ORDER BY check_name""",
                row -> new QualityResult(row.getString("check_name"), row.getString("layer"),
                        row.getString("table_name"), row.getString("kind"), row.getString("severity"),
                        row.getBoolean("passed"), row.getLong("failing_rows"), row.getString("detail"),
                        Jdbc.instant(row, "checked_at")),
                runId);
    }
}
