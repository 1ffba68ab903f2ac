package dev.forkcast.ingestion.landing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.postgresql.PGConnection;

/**
 * Commits one batch: the valid rows into {@code raw.events} with COPY (the fastest way into
 * PostgreSQL), the rejected records into {@code ops.dead_letters}, and every partition's next offset
 * into {@code ops.consumer_offsets}, all in one transaction.
 */
final class RawEventWriter {

    /** Thrown when the stored offsets moved under us: another lander took the partition. */
    static final class OffsetsMovedException extends Exception {
        OffsetsMovedException(TopicPartition tp) {
            super("the stored offset of " + tp + " was moved by another lander");
        }
    }

    private final OffsetStore offsets;
    private final CsvForCopy csv = new CsvForCopy();

    RawEventWriter(OffsetStore offsets) {
        this.offsets = offsets;
    }

    /**
     * Writes the batch and its offsets in one transaction on {@code connection} (auto-commit off);
     * {@code committed} holds the offsets this lander last committed and is updated on success.
     */
    void commit(Connection connection, LandingBatch batch, Map<TopicPartition, Long> committed)
            throws SQLException, OffsetsMovedException {
        try {
            // Offsets first: the UPDATE locks each offset row, so a second lander holding the same
            // partition waits here, then finds the offset moved and backs off before writing any row.
            for (Map.Entry<TopicPartition, Long> next : batch.nextOffsets().entrySet()) {
                if (!offsets.advance(connection, next.getKey(), committed.get(next.getKey()), next.getValue())) {
                    connection.rollback();
                    throw new OffsetsMovedException(next.getKey());
                }
            }
            copyRows(connection, batch);
            insertDeadLetters(connection, batch);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
        committed.putAll(batch.nextOffsets());
    }

    private void copyRows(Connection connection, LandingBatch batch) throws SQLException {
        if (batch.rows().isEmpty()) {
            return;
        }
        csv.clear();
        for (LandingBatch.Row row : batch.rows()) {
            csv.text(row.topic()).comma().number(row.partition()).comma().number(row.offset()).comma()
                    .timestamp(row.timestampMillis()).comma().text(row.key()).comma().text(row.eventId()).comma()
                    .text(row.eventType()).comma().number(row.schemaVersion()).comma()
                    .timestamp(row.eventTimeMillis()).comma().quoted(row.body()).endOfRow();
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY raw.events (topic, kafka_partition, kafka_offset, kafka_timestamp, record_key, event_id,"
                            + " event_type, schema_version, event_time, body) FROM STDIN (FORMAT csv)",
                    csv.asInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void insertDeadLetters(Connection connection, LandingBatch batch) throws SQLException {
        if (batch.deadLetters().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ops.dead_letters (topic, kafka_partition, kafka_offset, kafka_timestamp, reason, value_bytes)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (LandingBatch.DeadLetter d : batch.deadLetters()) {
                insert.setString(1, d.topic());
                insert.setInt(2, d.partition());
                insert.setLong(3, d.offset());
                insert.setTimestamp(4, new Timestamp(d.timestampMillis()));
                // PostgreSQL text cannot hold a NUL character; reasons quote at most a few characters.
                insert.setString(5, d.reason().replace('\u0000', '?'));
                insert.setInt(6, d.value().length);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
