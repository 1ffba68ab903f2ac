package dev.forkcast.ingestion.producing;

import dev.forkcast.events.Topic;
import dev.forkcast.simulator.sink.EventSink;
import dev.forkcast.simulator.sink.SinkRecord;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The simulator's Kafka sink: each record goes to its topic, keyed (so one order's events stay in
 * order on one partition), stamped with the time it reached the platform.
 *
 * <p>Sends are asynchronous; every result is checked. The first failure is kept and thrown by the next
 * {@code send}, {@code flush} or {@code close}, so a lost record can never pass silently (the idempotent
 * producer has been seen to loop on errors without losing them loudly: see TOOLING notes).
 *
 * <p>Takes the {@link Producer} interface, so it can be given any producer, configured by
 * {@link dev.forkcast.ingestion.KafkaClients#eventProducer}.
 */
public final class KafkaEventSink implements EventSink {

    private final Producer<String, byte[]> producer;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final AtomicLong[] sentByTopic = counters();
    private final AtomicLong[] acknowledgedByTopic = counters();

    public KafkaEventSink(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    @Override
    public void send(SinkRecord record) {
        throwIfFailed();
        int topic = record.topic().ordinal();
        ProducerRecord<String, byte[]> kafkaRecord = new ProducerRecord<>(record.topic().topicName(), null,
                record.arrivalMillis(), record.key(), record.value().getBytes(StandardCharsets.UTF_8));
        sentByTopic[topic].incrementAndGet();
        producer.send(kafkaRecord, (metadata, error) -> {
            if (error != null) {
                firstFailure.compareAndSet(null, error);
            } else {
                acknowledgedByTopic[topic].incrementAndGet();
            }
        });
    }

    /** Waits until every record sent so far is acknowledged by the broker (or fails). */
    @Override
    public void flush() {
        producer.flush();
        throwIfFailed();
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            producer.close();
        }
    }

    public long sent(Topic topic) {
        return sentByTopic[topic.ordinal()].get();
    }

    public long acknowledged(Topic topic) {
        return acknowledgedByTopic[topic.ordinal()].get();
    }

    public long acknowledged() {
        long total = 0;
        for (AtomicLong n : acknowledgedByTopic) {
            total += n.get();
        }
        return total;
    }

    private void throwIfFailed() {
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new IllegalStateException("a record could not be delivered to Kafka: " + failure.getMessage(), failure);
        }
    }

    private static AtomicLong[] counters() {
        AtomicLong[] counters = new AtomicLong[Topic.values().length];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new AtomicLong();
        }
        return counters;
    }
}
