package dev.forkcast.ingestion;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Every Kafka client setting Forkcast uses, in one place, each with its reason. Keys are strings
 * (order or courier ids); values are bytes, because a consumer must be able to receive what is not
 * valid text or JSON and still say what arrived.
 */
public final class KafkaClients {

    /** The name the lander's offsets are stored under in {@code ops.consumer_offsets}. */
    public static final String LANDER_GROUP = "forkcast-lander";
    /**
     * Which share of the partitions this lander takes when several run: {@code FORKCAST_LANDER_SHARE=i/n}
     * (lander i of n takes the partitions whose number modulo n is i-1). Default {@code 1/1}: all of them.
     */
    public static final String LANDER_SHARE_VARIABLE = "FORKCAST_LANDER_SHARE";

    /** The simulator's producer: nothing lost, nothing duplicated by retries, events of one key in order. */
    public static Properties eventProducer(String bootstrapServers) {
        Properties p = base(bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // acks=all: a send counts only once every in-sync replica has it (one here, three in a cluster).
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // Idempotence: the broker drops a retried batch it already has, so retries never duplicate,
        // and up to 5 in-flight batches per partition still keep their order.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        // Batch for throughput: wait up to 10 ms to fill batches of up to 256 KB per partition.
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        // JSON compresses several-fold; lz4 is cheap on CPU, which this 2-core machine shares with everything.
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Keep retrying through a broker restart for up to 5 minutes before a send is declared failed
        // (and then the sink fails loudly; see KafkaEventSink).
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "300000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "forkcast-simulator");
        return p;
    }

    /** The lander's producer for dead letters: as safe as the event producer, no need to batch. */
    public static Properties deadLetterProducer(String bootstrapServers) {
        Properties p = eventProducer(bootstrapServers);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "forkcast-lander-dead-letters");
        return p;
    }

    /**
     * The lander's consumer. It takes its partitions with {@code assign()} rather than joining a consumer
     * group, because its offsets live in PostgreSQL: Kafka's group coordination and offset commits would
     * add nothing but rebalances (see {@code Lander}).
     */
    public static Properties landerConsumer(String bootstrapServers) {
        Properties p = base(bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // Never commit to Kafka: the offsets are written with the rows, in one database transaction.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A partition with no stored offset is read from its first record: nothing is skipped.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Large polls feed large COPY batches.
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, String.valueOf(64 * 1024));
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "forkcast-lander");
        return p;
    }

    private static Properties base(String bootstrapServers) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        return p;
    }
}
