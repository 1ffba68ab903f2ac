package dev.forkcast.ingestion.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real single-node KRaft broker in this JVM: Forkcast's topics, a round trip, a restart, no accidental topics. */
class LocalKafkaBrokerIT {

    private static LocalKafkaBroker broker;
    private static Admin admin;
    private static List<String> createdByFirstEnsure;

    @BeforeAll
    static void startBrokerAndCreateTopics() {
        broker = LocalKafkaBroker.startTemporary();
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        admin = Admin.create(config);
        createdByFirstEnsure = ForkcastTopics.ensureExist(admin);
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void ensureExistCreatesEveryForkcastTopicOnAnEmptyBroker() throws Exception {
        List<String> expected = ForkcastTopics.all().stream().map(NewTopic::name).toList();

        Set<String> onTheBroker = admin.listTopics().names().get();

        assertEquals(expected, createdByFirstEnsure);
        assertEquals(Set.copyOf(expected),
                onTheBroker.stream().filter(n -> n.startsWith("forkcast.")).collect(Collectors.toSet()));
    }

    @Test
    void eventTopicsHaveThreePartitionsAndDeadLettersOne() throws Exception {
        Collection<String> names = ForkcastTopics.all().stream().map(NewTopic::name).toList();

        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();

        Map<String, Integer> partitions = new TreeMap<>();
        described.forEach((name, description) -> partitions.put(name, description.partitions().size()));
        assertEquals(Map.of("forkcast.orders", 3, "forkcast.couriers", 3, "forkcast.payments", 3,
                "forkcast.registrations", 3, "forkcast.dead-letters", 1), partitions);
    }

    @Test
    void theBrokerKeepsEventTopicsForeverAndDeletesRatherThanCompacts() throws Exception {
        List<ConfigResource> eventTopics = ForkcastTopics.eventTopicNames().stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();

        Map<ConfigResource, Config> configs = admin.describeConfigs(eventTopics).all().get();

        for (ConfigResource topic : eventTopics) {
            assertEquals("-1", configs.get(topic).get("retention.ms").value(), topic.name() + " retention.ms");
            assertEquals("delete", configs.get(topic).get("cleanup.policy").value(), topic.name() + " cleanup.policy");
        }
    }

    @Test
    void theBrokerKeepsDeadLettersThirtyDays() throws Exception {
        ConfigResource deadLetters = new ConfigResource(ConfigResource.Type.TOPIC, ForkcastTopics.DEAD_LETTERS);

        Config config = admin.describeConfigs(List.of(deadLetters)).all().get().get(deadLetters);

        assertEquals("2592000000", config.get("retention.ms").value());
        assertEquals("LogAppendTime", config.get("message.timestamp.type").value());
    }

    @Test
    void aSecondEnsureExistCreatesNothing() throws Exception {
        Set<String> before = admin.listTopics().names().get();

        List<String> created = ForkcastTopics.ensureExist(admin);

        assertEquals(List.of(), created);
        assertEquals(before, admin.listTopics().names().get());
    }

    @Test
    void aRecordProducedIsConsumedBack() throws Exception {
        String topic = createTopic("test.round-trip");

        try (KafkaProducer<String, String> producer = producer(30_000)) {
            producer.send(new ProducerRecord<>(topic, "o20260302-000001", "{\"event_type\":\"order_placed\"}")).get();
        }

        List<ConsumerRecord<String, String>> records = readAll(topic, 1);
        assertEquals(1, records.size());
        assertEquals("o20260302-000001", records.get(0).key());
        assertEquals("{\"event_type\":\"order_placed\"}", records.get(0).value());
    }

    @Test
    void acknowledgedRecordsSurviveARestartOfTheBroker() throws Exception {
        String topic = createTopic("test.survives-restart");
        List<String> sent = List.of("first", "second", "third");
        try (KafkaProducer<String, String> producer = producer(30_000)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (String value : sent) {
                acks.add(producer.send(new ProducerRecord<>(topic, "k", value)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        }

        broker.restart();

        List<String> afterRestart = readAll(topic, sent.size()).stream().map(ConsumerRecord::value).toList();
        assertEquals(sent, afterRestart);
    }

    @Test
    void producingToAnUnknownTopicFailsAndCreatesNoTopic() throws Exception {
        String unknown = "forkcast.orderz";

        ExecutionException failure;
        try (KafkaProducer<String, String> producer = producer(3_000)) {
            Future<RecordMetadata> send = producer.send(new ProducerRecord<>(unknown, "k", "v"));
            failure = assertThrows(ExecutionException.class, () -> send.get(10, TimeUnit.SECONDS));
        }

        assertInstanceOf(TimeoutException.class, failure.getCause(), "the metadata for the topic never arrives");
        assertFalse(admin.listTopics().names().get().contains(unknown), "auto.create.topics.enable=false");
    }

    private static String createTopic(String name) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        return name;
    }

    private static KafkaProducer<String, String> producer(int maxBlockMs) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // How long send() may wait for the topic's metadata: short, so an unknown topic fails fast.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(maxBlockMs));
        return new KafkaProducer<>(p);
    }

    /** Reads a one-partition topic from its start until {@code expected} records arrived (or 30 s passed). */
    private static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // One more poll: anything beyond what was expected would be a duplicate and must show.
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }
}
