package dev.forkcast.ml.registry;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;

/** {@code ml.training_runs} and {@code ml.report_files}: each training run, how it ended, and its report. */
public final class TrainingRunLog {

    private final DataSource dataSource;

    public TrainingRunLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void started(String runId, String codeVersion) throws SQLException {
        update("INSERT INTO ml.training_runs (run_id, started_at, status, code_version) VALUES (?, ?, 'running', ?)",
                runId, Timestamp.from(Instant.now()), codeVersion);
    }

    public void succeeded(String runId, Map<String, Object> summary) throws SQLException {
        update("UPDATE ml.training_runs SET status = 'succeeded', finished_at = ?, summary = ?::jsonb WHERE run_id = ?",
                Timestamp.from(Instant.now()), ModelRegistry.json(summary), runId);
    }

    public void failed(String runId, Throwable error) throws SQLException {
        update("UPDATE ml.training_runs SET status = 'failed', finished_at = ?, error = ? WHERE run_id = ?",
                Timestamp.from(Instant.now()), String.valueOf(error), runId);
    }

    /** Stores one file of the run's report. */
    public void saveFile(String runId, String name, String mediaType, String content) throws SQLException {
        update("INSERT INTO ml.report_files (training_run_id, name, media_type, content) VALUES (?, ?, ?, ?)",
                runId, name, mediaType, content.getBytes(StandardCharsets.UTF_8));
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
