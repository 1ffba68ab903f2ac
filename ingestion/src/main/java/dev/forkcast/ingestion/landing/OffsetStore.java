package dev.forkcast.ingestion.landing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer offsets kept in {@code ops.consumer_offsets}, beside the data they cover. Writing them in the
 * same transaction as the rows is what makes a crash harmless: after a restart, reading resumes exactly
 * after the last committed row, whatever instant the crash hit.
 *
 * <p>Each write is also a fence: it only moves an offset from the value this lander last saw. If two
 * landers ever believed they owned one partition (a rebalance during a long pause), the second writer
 * finds the offset moved, rolls back and re-reads instead of landing rows twice.
 */
final class OffsetStore {

    private final String group;

    OffsetStore(String group) {
        this.group = group;
    }

    /** The stored next offset of each partition that has one. */
    Map<TopicPartition, Long> read(Connection connection, Collection<TopicPartition> partitions) throws SQLException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT next_offset FROM ops.consumer_offsets WHERE consumer_group = ? AND topic = ? AND kafka_partition = ?")) {
            for (TopicPartition tp : partitions) {
                select.setString(1, group);
                select.setString(2, tp.topic());
                select.setInt(3, tp.partition());
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        offsets.put(tp, rs.getLong(1));
                    }
                }
            }
        }
        return offsets;
    }

    /**
     * Moves a partition's offset from {@code expected} (null: no row yet) to {@code next}, inside the
     * caller's transaction. Returns false when someone else moved it first.
     */
    boolean advance(Connection connection, TopicPartition tp, Long expected, long next) throws SQLException {
        if (expected != null) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE ops.consumer_offsets SET next_offset = ?, updated_at = now()"
                            + " WHERE consumer_group = ? AND topic = ? AND kafka_partition = ? AND next_offset = ?")) {
                update.setLong(1, next);
                update.setString(2, group);
                update.setString(3, tp.topic());
                update.setInt(4, tp.partition());
                update.setLong(5, expected);
                return update.executeUpdate() == 1;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ops.consumer_offsets (consumer_group, topic, kafka_partition, next_offset)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, group);
            insert.setString(2, tp.topic());
            insert.setInt(3, tp.partition());
            insert.setLong(4, next);
            return insert.executeUpdate() == 1;
        }
    }
}
