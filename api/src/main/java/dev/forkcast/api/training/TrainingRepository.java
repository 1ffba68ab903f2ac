package dev.forkcast.api.training;

import dev.forkcast.api.database.Jdbc;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@code ml.training_runs} and {@code ml.report_files}, read only. */
@Singleton
public class TrainingRepository {

    private final Jdbc jdbc;

    public TrainingRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest {@code limit} runs, newest first, each with its file names (one query: no N+1). */
    public List<TrainingRun> latestRuns(int limit) throws SQLException {
        return jdbc.query("""
                SELECT r.run_id, r.started_at, r.finished_at, r.status, r.code_version, r.error,
                       coalesce(array_agg(f.name ORDER BY f.name) FILTER (WHERE f.name IS NOT NULL), '{}') AS files
                FROM ml.training_runs r LEFT JOIN ml.report_files f ON f.training_run_id = r.run_id
                GROUP BY r.run_id ORDER BY r.started_at DESC, r.run_id DESC LIMIT ?""",
                row -> new TrainingRun(row.getString("run_id"), Jdbc.instant(row, "started_at"),
                        Jdbc.instant(row, "finished_at"), row.getString("status"), row.getString("code_version"),
                        row.getString("error"), List.of((String[]) row.getArray("files").getArray())),
                limit);
    }

    public boolean runExists(String runId) throws SQLException {
        return !jdbc.query("SELECT 1 FROM ml.training_runs WHERE run_id = ?", row -> true, runId).isEmpty();
    }

    public Optional<ReportFile> file(String runId, String name) throws SQLException {
        return jdbc.query("SELECT media_type, content FROM ml.report_files WHERE training_run_id = ? AND name = ?",
                row -> new ReportFile(row.getString("media_type"), row.getBytes("content")), runId, name)
                .stream().findFirst();
    }
}
