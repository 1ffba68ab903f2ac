package dev.forkcast.ingestion.landing;

import dev.forkcast.events.EventValidator;
import dev.forkcast.events.Validation;
import dev.forkcast.ingestion.KafkaClients;
import dev.forkcast.ingestion.broker.ForkcastTopics;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Consumes Forkcast's event topics and lands every record exactly once: valid ones in
 * {@code raw.events}, invalid ones in the dead-letter topic (with the reason) and {@code ops.dead_letters}.
 *
 * <pre>
 *  poll ──▶ validate each record ──▶ batch ──(5,000 records or 200 ms)──▶ dead letters to Kafka (waited for)
 *                                                                     └─▶ ONE transaction: COPY rows
 *                                                                                          + dead-letter rows
 *                                                                                          + next offsets
 * </pre>
 *
 * <p>Offsets never go to Kafka: they are committed with the rows and read back from PostgreSQL when
 * partitions are assigned. A crash at any instant therefore either kept a whole batch with its offsets,
 * or none of it, and the restarted lander resumes right after the last kept row.
 *
 * <p>Run it with {@link #run()} on a thread of its own and end it with {@link #stop()} (safe from any
 * thread); a clean stop commits what is in hand first.
 */
public final class Lander implements AutoCloseable {

    /** Flush at this many records: large enough for COPY to be efficient, small enough to bound a replay. */
    public static final int DEFAULT_BATCH_RECORDS = 5_000;
    /** ...or when the oldest record in hand has waited this long, so data lands promptly when traffic is low. */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(200);

    private final Consumer<String, byte[]> consumer;
    private final DeadLetterPublisher deadLetters;
    private final DataSource dataSource;
    private final OffsetStore offsets = new OffsetStore(KafkaClients.LANDER_GROUP);
    private final RawEventWriter writer = new RawEventWriter(offsets);
    private final EventValidator validator = new EventValidator();
    private final LandingBatch batch = new LandingBatch();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final LanderMetrics metrics = new LanderMetrics();
    private final int batchRecords;
    private final long flushIntervalNanos;
    private volatile boolean stopping;
    private Connection connection;

    public Lander(Consumer<String, byte[]> consumer, Producer<String, byte[]> deadLetterProducer, DataSource dataSource) {
        this(consumer, deadLetterProducer, dataSource, DEFAULT_BATCH_RECORDS, DEFAULT_FLUSH_INTERVAL);
    }

    public Lander(Consumer<String, byte[]> consumer, Producer<String, byte[]> deadLetterProducer, DataSource dataSource,
                  int batchRecords, Duration flushInterval) {
        this.consumer = consumer;
        this.deadLetters = new DeadLetterPublisher(deadLetterProducer);
        this.dataSource = dataSource;
        this.batchRecords = batchRecords;
        this.flushIntervalNanos = flushInterval.toNanos();
    }

    public LanderMetrics metrics() {
        return metrics;
    }

    /** Lands records until {@link #stop()} is called. */
    public void run() {
        metrics.register(KafkaClients.LANDER_GROUP + "@" + Integer.toHexString(System.identityHashCode(this)));
        try {
            connection = dataSource.getConnection();
            // Each batch is one explicit transaction.
            connection.setAutoCommit(false);
            consumer.subscribe(ForkcastTopics.eventTopicNames(), new ResumeFromStoredOffsets());
            while (!stopping) {
                ConsumerRecords<String, byte[]> records;
                try {
                    records = consumer.poll(Duration.ofMillis(100));
                } catch (WakeupException e) {
                    break;
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    take(record);
                }
                if (batch.size() >= batchRecords || batch.ageNanos(System.nanoTime()) >= flushIntervalNanos) {
                    flush();
                }
                updateLag();
            }
            flush();
        } catch (SQLException e) {
            throw new IllegalStateException("landing failed: " + e.getMessage(), e);
        } finally {
            closeConnection();
            metrics.unregister();
        }
    }

    /** Asks {@link #run()} to commit what it holds and return. */
    public void stop() {
        stopping = true;
        consumer.wakeup();
    }

    @Override
    public void close() {
        stop();
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        Validation verdict = validator.validate(value);
        if (verdict.valid()) {
            batch.add(new LandingBatch.Row(record.topic(), record.partition(), record.offset(), record.timestamp(),
                    record.key(), verdict.eventId(), verdict.type().wireName(), verdict.schemaVersion(),
                    verdict.eventTimeMillis(), new String(value, StandardCharsets.UTF_8)));
        } else {
            batch.add(new LandingBatch.DeadLetter(record.topic(), record.partition(), record.offset(), record.timestamp(),
                    record.key(), value, verdict.reason()));
        }
    }

    /** Dead letters first (waited for), then rows + dead-letter rows + offsets in one transaction. */
    private void flush() throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        deadLetters.publish(batch.deadLetters());
        try {
            writer.commit(connection, batch, committed);
            metrics.committed(batch.rows().size(), batch.deadLetters().size());
        } catch (RawEventWriter.OffsetsMovedException e) {
            // Another lander moved our offsets: forget what we hold and re-read from what is stored.
            seekToStoredOffsets(consumer.assignment());
        }
        batch.clear();
    }

    /** Records behind in Kafka plus those in hand; unknown (-1) while no partitions are assigned yet. */
    private void updateLag() {
        if (consumer.assignment().isEmpty()) {
            metrics.lag(-1);
            return;
        }
        long total = 0;
        for (TopicPartition tp : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(tp);
            if (lag.isEmpty()) {
                return;
            }
            total += lag.getAsLong();
        }
        metrics.lag(total + batch.size());
    }

    private void seekToStoredOffsets(Collection<TopicPartition> partitions) throws SQLException {
        Map<TopicPartition, Long> stored = offsets.read(connection, partitions);
        connection.commit();
        List<TopicPartition> fromStart = partitions.stream().filter(tp -> !stored.containsKey(tp)).toList();
        for (Map.Entry<TopicPartition, Long> e : stored.entrySet()) {
            consumer.seek(e.getKey(), e.getValue());
            committed.put(e.getKey(), e.getValue());
        }
        if (!fromStart.isEmpty()) {
            consumer.seekToBeginning(fromStart);
            fromStart.forEach(committed::remove);
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // The transaction, if any, is rolled back by the server; nothing to save.
            }
        }
    }

    /** On assignment, resume each partition where the database says; before losing partitions, commit. */
    private final class ResumeFromStoredOffsets implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            try {
                seekToStoredOffsets(partitions);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read stored offsets: " + e.getMessage(), e);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                flush();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot commit before a rebalance: " + e.getMessage(), e);
            }
            partitions.forEach(committed::remove);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Someone else may own them already: what we hold for them must not be committed.
            batch.dropPartitions(partitions);
            partitions.forEach(committed::remove);
        }
    }
}
