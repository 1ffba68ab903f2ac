package dev.forkcast.ingestion.landing;

import dev.forkcast.ingestion.KafkaClients;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * A lander on a thread of its own, wired to real Kafka clients: what the commands and the tests start.
 * {@link #close()} stops it cleanly (it commits what it holds) and waits for it.
 */
public final class LanderRunner implements AutoCloseable {

    private final Lander lander;
    private final Thread thread;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetterProducer;
    private volatile Throwable failure;

    /** A lander taking this process's share of the partitions ({@link LanderShare#fromEnvironment()}). */
    public LanderRunner(String bootstrapServers, DataSource dataSource) {
        this(bootstrapServers, dataSource, LanderShare.fromEnvironment());
    }

    public LanderRunner(String bootstrapServers, DataSource dataSource, LanderShare share) {
        consumer = new KafkaConsumer<>(KafkaClients.landerConsumer(bootstrapServers));
        deadLetterProducer = new KafkaProducer<>(KafkaClients.deadLetterProducer(bootstrapServers));
        lander = new Lander(consumer, deadLetterProducer, dataSource, share);
        thread = new Thread(this::runLander, "forkcast-lander");
        thread.start();
    }

    public LanderMetrics metrics() {
        return lander.metrics();
    }

    /** The error that ended the lander, or null while it runs (or if it ended cleanly). */
    public Throwable failure() {
        return failure;
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        lander.stop();
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new IllegalStateException("the lander failed: " + failure.getMessage(), failure);
        }
    }

    private void runLander() {
        try {
            lander.run();
        } catch (Throwable t) {
            failure = t;
        } finally {
            consumer.close();
            deadLetterProducer.close();
        }
    }
}
