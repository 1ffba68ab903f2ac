package dev.forkcast.ingestion.landing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * What the lander has read but not yet committed: valid rows for {@code raw.events}, rejected records
 * for the dead-letter topic, and the next offset of every partition they came from. Committed as one
 * database transaction.
 */
final class LandingBatch {

    /** A valid record on its way into raw.events; {@code body} is the value exactly as it arrived. */
    record Row(String topic, int partition, long offset, long timestampMillis, String key, String eventId,
               String eventType, int schemaVersion, long eventTimeMillis, byte[] body) {
    }

    /** A rejected record on its way to the dead-letter topic, with why. */
    record DeadLetter(String topic, int partition, long offset, long timestampMillis, String key, byte[] value,
                      String reason) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final Map<TopicPartition, Long> nextOffsets = new LinkedHashMap<>();
    private long startedAtNanos;

    void add(Row row) {
        track(row.topic(), row.partition(), row.offset());
        rows.add(row);
    }

    void add(DeadLetter deadLetter) {
        track(deadLetter.topic(), deadLetter.partition(), deadLetter.offset());
        deadLetters.add(deadLetter);
    }

    List<Row> rows() {
        return rows;
    }

    List<DeadLetter> deadLetters() {
        return deadLetters;
    }

    /** For each partition in the batch, the offset to read next once the batch is committed. */
    Map<TopicPartition, Long> nextOffsets() {
        return nextOffsets;
    }

    int size() {
        return rows.size() + deadLetters.size();
    }

    boolean isEmpty() {
        return size() == 0;
    }

    long ageNanos(long nowNanos) {
        return isEmpty() ? 0 : nowNanos - startedAtNanos;
    }

    void clear() {
        rows.clear();
        deadLetters.clear();
        nextOffsets.clear();
    }

    private void track(String topic, int partition, long offset) {
        if (isEmpty()) {
            startedAtNanos = System.nanoTime();
        }
        nextOffsets.merge(new TopicPartition(topic, partition), offset + 1, Math::max);
    }
}
