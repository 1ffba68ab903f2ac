package dev.forkcast.ingestion.landing;

import dev.forkcast.events.EventValidator;
import dev.forkcast.events.Topic;
import dev.forkcast.events.Validation;
import dev.forkcast.ingestion.broker.ForkcastTopics;
import dev.forkcast.simulator.sink.EventSink;
import dev.forkcast.simulator.sink.SinkRecord;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * Lands a simulated history straight into {@code raw.events} without a broker: for the tests and the
 * benchmark of what comes <em>after</em> the lander (the ETL), where going through Kafka would only
 * add minutes. Everything the lander does to a record is the same — the same validation, the same
 * row encoding and COPY, dead letters into {@code ops.dead_letters} — and each record gets the
 * partition Kafka's default partitioner would give its key (murmur2) and the next offset of that
 * partition, continuing after what an earlier direct landing stored (consumer group
 * {@value #GROUP}). What it does not do: publish dead letters to the dead-letter topic.
 */
public final class DirectLanding implements EventSink {

    /** The group its offsets are stored under in ops.consumer_offsets. */
    public static final String GROUP = "forkcast-direct-landing";
    private static final int BATCH_RECORDS = 25_000;

    private final DataSource dataSource;
    private final EventValidator validator = new EventValidator();
    private final RawEventWriter writer = new RawEventWriter(new OffsetStore(GROUP));
    private final LandingBatch batch = new LandingBatch();
    private final Map<TopicPartition, Long> committed;
    private final Map<TopicPartition, Long> nextOffset = new HashMap<>();
    private long landed;
    private long deadLetters;

    public DirectLanding(DataSource dataSource) {
        this.dataSource = dataSource;
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            for (int p = 0; p < ForkcastTopics.EVENT_PARTITIONS; p++) {
                partitions.add(new TopicPartition(topic.topicName(), p));
            }
        }
        try (Connection c = dataSource.getConnection()) {
            committed = new HashMap<>(new OffsetStore(GROUP).read(c, partitions));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stored offsets of " + GROUP, e);
        }
        nextOffset.putAll(committed);
    }

    @Override
    public void send(SinkRecord record) {
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        int partition = key == null ? 0 : Utils.toPositive(Utils.murmur2(key)) % ForkcastTopics.EVENT_PARTITIONS;
        TopicPartition tp = new TopicPartition(record.topic().topicName(), partition);
        long offset = nextOffset.merge(tp, 1L, Long::sum) - 1;
        byte[] value = record.value().getBytes(StandardCharsets.UTF_8);
        Validation verdict = validator.validate(value);
        if (verdict.valid()) {
            batch.add(new LandingBatch.Row(tp.topic(), partition, offset, record.arrivalMillis(), record.key(),
                    verdict.eventId(), verdict.type().wireName(), verdict.schemaVersion(), verdict.eventTimeMillis(),
                    value));
            landed++;
        } else {
            batch.add(new LandingBatch.DeadLetter(tp.topic(), partition, offset, record.arrivalMillis(), record.key(),
                    value, verdict.reason()));
            deadLetters++;
        }
        if (batch.size() >= BATCH_RECORDS) {
            flush();
        }
    }

    @Override
    public void flush() {
        if (batch.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            writer.commit(c, batch, committed);
        } catch (SQLException | RawEventWriter.OffsetsMovedException e) {
            throw new IllegalStateException("direct landing of a batch failed", e);
        }
        batch.clear();
    }

    /** Valid records landed in raw.events so far. */
    public long landed() {
        return landed;
    }

    /** Records rejected into ops.dead_letters so far. */
    public long deadLetters() {
        return deadLetters;
    }

    @Override
    public void close() {
        flush();
    }
}
