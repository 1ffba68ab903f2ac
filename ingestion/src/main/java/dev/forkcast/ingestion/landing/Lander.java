package dev.forkcast.ingestion.landing;

import dev.forkcast.events.EventValidator;
import dev.forkcast.events.Validation;
import dev.forkcast.ingestion.KafkaClients;
import dev.forkcast.ingestion.broker.ForkcastTopics;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Consumes Forkcast's event topics and lands every record exactly once: valid ones in
 * {@code raw.events}, invalid ones in the dead-letter topic (with the reason) and {@code ops.dead_letters}.
 *
 * <pre>
 *  poll thread:   poll ──▶ validate each record ──▶ fill a batch (25,000 records or 200 ms) ──┐ hand over
 *  commit thread:                                                                           ▼
 *                 dead letters to Kafka (waited for) ──▶ ONE transaction: COPY rows + dead-letter rows
 *                                                                          + next offsets ──▶ commit
 * </pre>
 *
 * <p>Offsets never go to Kafka: they are committed with the rows and read back from PostgreSQL at
 * start. A crash at any instant therefore either kept a whole batch with its offsets, or none of it,
 * and the restarted lander resumes right after the last kept row.
 *
 * <p>No consumer group: the lander takes its partitions with {@code assign()} (all of them, or its
 * {@link LanderShare} when several run). A group would bring rebalances and a coordinator to agree
 * with, to protect offsets that Kafka does not even hold here. The cost: partitions added to a topic
 * later are picked up at the next start.
 *
 * <p>Two threads, one batch in flight: while PostgreSQL copies one batch, the next one is fetched and
 * validated, so the two cores work at once. Batches still commit one at a time and in order, which
 * keeps the offsets simple: each commit moves them forward from where the previous one left them.
 *
 * <p>Run it with {@link #run()} on a thread of its own and end it with {@link #stop()} (safe from any
 * thread); a clean stop commits what is in hand first.
 */
public final class Lander implements AutoCloseable {

    /**
     * Hand over at this many records: large enough that the per-transaction costs (offset updates, the
     * commit, a COPY's start-up) stay small beside the rows (measured here: batches of 5,000 landed about
     * a third slower than batches of 25,000), small enough to bound what a crash makes the lander re-read.
     */
    public static final int DEFAULT_BATCH_RECORDS = 25_000;
    /** ...or when the oldest record in hand has waited this long, so data lands promptly when traffic is low. */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(200);

    private final Consumer<String, byte[]> consumer;
    private final LanderShare share;
    private final DeadLetterPublisher deadLetters;
    private final DataSource dataSource;
    private final OffsetStore offsets = new OffsetStore(KafkaClients.LANDER_GROUP);
    private final RawEventWriter writer = new RawEventWriter(offsets);
    private final EventValidator validator = new EventValidator();
    /** Offsets as last committed by this lander; touched only by the commit thread, or while none is in flight. */
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final LanderMetrics metrics = new LanderMetrics();
    private final int batchRecords;
    private final long flushIntervalNanos;
    private final ExecutorService committer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "forkcast-lander-commit");
        thread.setDaemon(true);
        return thread;
    });
    private LandingBatch filling = new LandingBatch();
    private Future<Boolean> inFlight;
    private volatile int inFlightRecords;
    private long lagCheckedAtNanos;
    private volatile boolean stopping;
    private Connection connection;

    public Lander(Consumer<String, byte[]> consumer, Producer<String, byte[]> deadLetterProducer, DataSource dataSource,
                  LanderShare share) {
        this(consumer, deadLetterProducer, dataSource, share, DEFAULT_BATCH_RECORDS, DEFAULT_FLUSH_INTERVAL);
    }

    public Lander(Consumer<String, byte[]> consumer, Producer<String, byte[]> deadLetterProducer, DataSource dataSource,
                  LanderShare share, int batchRecords, Duration flushInterval) {
        this.consumer = consumer;
        this.share = share;
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
            List<TopicPartition> mine = myPartitions();
            consumer.assign(mine);
            seekToStoredOffsets(mine);
            try {
                while (!stopping) {
                    long t0 = System.nanoTime();
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                    long t1 = System.nanoTime();
                    for (ConsumerRecord<String, byte[]> record : records) {
                        take(record);
                    }
                    long t2 = System.nanoTime();
                    metrics.pollAndValidateTime(t1 - t0, t2 - t1);
                    if (filling.size() >= batchRecords || filling.ageNanos(t2) >= flushIntervalNanos) {
                        handOver();
                    }
                    if (inFlight != null && inFlight.isDone()) {
                        // Collect a finished commit at once: its records stop counting as lag, a failure surfaces now.
                        awaitInFlight();
                    }
                    updateLag();
                }
            } catch (WakeupException e) {
                // stop() woke whichever consumer call was blocking (poll, or the end-offsets query): wind down.
            }
            handOver();
            awaitInFlight();
        } catch (SQLException e) {
            throw new IllegalStateException("landing failed: " + e.getMessage(), e);
        } catch (WakeupException e) {
            // Stopped while still starting (finding partitions, seeking): nothing was in hand yet.
            if (!stopping) {
                throw e;
            }
        } finally {
            committer.shutdownNow();
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
            filling.add(new LandingBatch.Row(record.topic(), record.partition(), record.offset(), record.timestamp(),
                    record.key(), verdict.eventId(), verdict.type().wireName(), verdict.schemaVersion(),
                    verdict.eventTimeMillis(), value));
        } else {
            filling.add(new LandingBatch.DeadLetter(record.topic(), record.partition(), record.offset(), record.timestamp(),
                    record.key(), value, verdict.reason()));
        }
    }

    /** Gives the filled batch to the commit thread, after the previous one has committed. */
    private void handOver() throws SQLException {
        if (filling.isEmpty()) {
            return;
        }
        awaitInFlight();
        LandingBatch batch = filling;
        filling = new LandingBatch();
        inFlightRecords = batch.size();
        inFlight = committer.submit(() -> commit(batch));
    }

    /** On the commit thread: dead letters first (waited for), then rows + dead-letter rows + offsets. */
    private boolean commit(LandingBatch batch) throws SQLException {
        long start = System.nanoTime();
        try {
            deadLetters.publish(batch.deadLetters());
            metrics.deadLetterTime(System.nanoTime() - start);
            writer.commit(connection, batch, committed);
            metrics.committed(batch.rows().size(), batch.deadLetters().size());
            return true;
        } catch (RawEventWriter.OffsetsMovedException e) {
            return false;
        } finally {
            metrics.commitTime(System.nanoTime() - start);
        }
    }

    /** Waits for the batch in flight; if another lander had moved our offsets, drops what is in hand and re-reads. */
    private void awaitInFlight() throws SQLException {
        if (inFlight == null) {
            return;
        }
        boolean committedCleanly;
        try {
            committedCleanly = inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a batch was committing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("committing a batch failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            inFlight = null;
            inFlightRecords = 0;
        }
        if (!committedCleanly) {
            filling.clear();
            seekToStoredOffsets(consumer.assignment());
        }
    }

    /**
     * Records behind in Kafka (end offset minus position, asked of the broker at most once a second)
     * plus those in hand. The consumer's own cached lag is not used: it goes stale for partitions that
     * receive nothing new, which would make a caught-up lander look behind for ever.
     */
    private void updateLag() {
        long now = System.nanoTime();
        if (now - lagCheckedAtNanos < 1_000_000_000L) {
            return;
        }
        lagCheckedAtNanos = now;
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, Long> ends;
        try {
            ends = consumer.endOffsets(assigned, Duration.ofSeconds(5));
        } catch (TimeoutException e) {
            // The broker is away (a restart, a network blip): the lag is unknown for now, landing goes on.
            return;
        }
        long behind = 0;
        for (TopicPartition tp : assigned) {
            behind += Math.max(0, ends.getOrDefault(tp, 0L) - consumer.position(tp));
        }
        metrics.lag(behind + filling.size() + inFlightRecords);
    }

    /** Only while no batch is in flight: the connection and the committed offsets are ours then. */
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

    /** This lander's share of every partition of the event topics. */
    private List<TopicPartition> myPartitions() {
        List<TopicPartition> mine = new java.util.ArrayList<>();
        for (String topic : ForkcastTopics.eventTopicNames()) {
            for (PartitionInfo partition : consumer.partitionsFor(topic)) {
                TopicPartition tp = new TopicPartition(topic, partition.partition());
                if (share.owns(tp)) {
                    mine.add(tp);
                }
            }
        }
        if (mine.isEmpty()) {
            throw new IllegalStateException("lander " + share + " owns no partition of " + ForkcastTopics.eventTopicNames());
        }
        return mine;
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
}
