package dev.forkcast.ingestion.landing;

import dev.forkcast.ingestion.broker.ForkcastTopics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends rejected records to the dead-letter topic: the original bytes untouched, the original key, and
 * headers saying why and where they came from, so a person (or a repair job) can find and replay them.
 *
 * <p>Called before the batch's database transaction and waited for: if the lander crashes after this
 * and before the commit, the records are read again and dead-lettered again. The topic is therefore
 * at-least-once (a duplicate carries the same source coordinates), while {@code ops.dead_letters},
 * written in the transaction, counts each exactly once.
 */
final class DeadLetterPublisher {

    static final String REASON = "forkcast.reason";
    static final String SOURCE_TOPIC = "forkcast.source.topic";
    static final String SOURCE_PARTITION = "forkcast.source.partition";
    static final String SOURCE_OFFSET = "forkcast.source.offset";
    static final String SOURCE_TIMESTAMP = "forkcast.source.timestamp";

    private final Producer<String, byte[]> producer;

    DeadLetterPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** Sends all and waits until the broker has every one; throws if any could not be written. */
    void publish(List<LandingBatch.DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(deadLetters.size());
        for (LandingBatch.DeadLetter d : deadLetters) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON, d.reason().getBytes(StandardCharsets.UTF_8));
            headers.add(SOURCE_TOPIC, d.topic().getBytes(StandardCharsets.UTF_8));
            headers.add(SOURCE_PARTITION, String.valueOf(d.partition()).getBytes(StandardCharsets.UTF_8));
            headers.add(SOURCE_OFFSET, String.valueOf(d.offset()).getBytes(StandardCharsets.UTF_8));
            headers.add(SOURCE_TIMESTAMP, String.valueOf(d.timestampMillis()).getBytes(StandardCharsets.UTF_8));
            sends.add(producer.send(new ProducerRecord<>(ForkcastTopics.DEAD_LETTERS, null, null, d.key(), d.value(),
                    headers)));
        }
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing dead letters", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot write to " + ForkcastTopics.DEAD_LETTERS + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        }
    }
}
