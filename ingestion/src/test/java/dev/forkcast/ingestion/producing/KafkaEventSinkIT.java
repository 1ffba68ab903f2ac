package dev.forkcast.ingestion.producing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.events.Topic;
import dev.forkcast.ingestion.KafkaClients;
import dev.forkcast.ingestion.broker.KafkaEndpoint;
import dev.forkcast.ingestion.broker.LocalKafkaBroker;
import dev.forkcast.simulator.SimulationConfig;
import dev.forkcast.simulator.SimulationStats;
import dev.forkcast.simulator.Simulator;
import dev.forkcast.simulator.sink.EventSink;
import dev.forkcast.simulator.sink.SinkRecord;
import dev.forkcast.simulator.truth.TruthSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small simulated day produced into a real broker through {@link KafkaEventSink}, then read back whole:
 * nothing lost, nothing added, each key on one partition in the order the city sent it, each record stamped
 * with the time it reached the platform.
 */
class KafkaEventSinkIT {

    private static final long SEED = 7;

    private static LocalKafkaBroker broker;
    private static KafkaEventSink sink;
    /** What the city handed to the Kafka sink, in the order it did. */
    private static final List<SinkRecord> handedToSink = new ArrayList<>();
    private static SimulationStats stats;
    /** Everything on the event topics, partition by partition in offset order. */
    private static List<ConsumerRecord<String, byte[]>> onTheBroker;

    @BeforeAll
    static void runASmallCityIntoKafkaAndReadItBack() {
        broker = LocalKafkaBroker.startTemporary();
        KafkaEndpoint.of(broker).ensureTopics();
        SimulationConfig smallDay = SimulationConfig.withOverrides(Map.of(
                "city.restaurants", "60",
                "city.customers", "1500",
                "city.couriers", "40",
                "demand.orders_per_day", "400",
                "clock.days", "1"));
        sink = new KafkaEventSink(new KafkaProducer<>(KafkaClients.eventProducer(broker.bootstrapServers())));

        stats = new Simulator(smallDay, SEED, new CapturingSink(sink), TruthSink.NONE).run();
        sink.flush();

        onTheBroker = readEveryEventTopic();
    }

    @AfterAll
    static void stopBroker() {
        if (sink != null) {
            sink.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyRecordTheCitySentIsAcknowledgedTopicByTopic() {
        Map<Topic, Long> expected = new EnumMap<>(Topic.class);
        Map<Topic, Long> acknowledged = new EnumMap<>(Topic.class);

        for (Topic topic : Topic.values()) {
            expected.put(topic, stats.records(topic));
            acknowledged.put(topic, sink.acknowledged(topic));
        }

        assertEquals(expected, acknowledged);
        assertEquals(stats.records(), sink.acknowledged());
        assertTrue(Set.of(Topic.values()).stream().allMatch(t -> stats.records(t) > 0), "every topic got records: "
                + expected);
    }

    @Test
    void theSinkCountsAsSentWhatItWasHanded() {
        Map<Topic, Long> handed = countByTopic(handedToSink.stream().map(SinkRecord::topic).toList());

        Map<Topic, Long> sent = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            sent.put(topic, sink.sent(topic));
        }

        assertEquals(handed, sent);
    }

    @Test
    void eachTopicHoldsExactlyAsManyRecordsAsTheCitySent() {
        Map<Topic, Long> expected = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            expected.put(topic, stats.records(topic));
        }

        Map<Topic, Long> stored = countByTopic(onTheBroker.stream().map(r -> topicNamed(r.topic())).toList());

        assertEquals(expected, stored);
    }

    @Test
    void everyRecordOfOneOrderIsOnASinglePartitionOfTheOrdersTopic() {
        Map<String, Set<Integer>> partitionsByOrder = new HashMap<>();

        for (ConsumerRecord<String, byte[]> record : onTheBroker) {
            if (record.topic().equals(Topic.ORDERS.topicName())) {
                partitionsByOrder.computeIfAbsent(record.key(), k -> new TreeSet<>()).add(record.partition());
            }
        }

        Map<String, Set<Integer>> split = new HashMap<>();
        partitionsByOrder.forEach((order, partitions) -> {
            if (partitions.size() > 1) {
                split.put(order, partitions);
            }
        });
        assertEquals(Map.of(), split);
        assertTrue(partitionsByOrder.size() > 300, "orders seen: " + partitionsByOrder.size());
    }

    @Test
    void ordersAreSpreadOverAllThreePartitions() {
        Set<Integer> used = new TreeSet<>();

        for (ConsumerRecord<String, byte[]> record : onTheBroker) {
            if (record.topic().equals(Topic.ORDERS.topicName())) {
                used.add(record.partition());
            }
        }

        assertEquals(Set.of(0, 1, 2), used);
    }

    @Test
    void theRecordsOfOneKeyAreStoredInTheOrderTheCitySentThem() {
        Map<TopicKey, List<String>> sent = new HashMap<>();
        for (SinkRecord record : handedToSink) {
            sent.computeIfAbsent(new TopicKey(record.topic().topicName(), record.key()), k -> new ArrayList<>())
                    .add(record.value());
        }

        Map<TopicKey, List<String>> stored = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : onTheBroker) {
            stored.computeIfAbsent(new TopicKey(record.topic(), record.key()), k -> new ArrayList<>())
                    .add(new String(record.value(), StandardCharsets.UTF_8));
        }

        assertEquals(sent, stored);
    }

    @Test
    void eachRecordIsStampedWithTheTimeItReachedThePlatform() {
        Map<TopicKey, List<Long>> arrivals = new HashMap<>();
        for (SinkRecord record : handedToSink) {
            arrivals.computeIfAbsent(new TopicKey(record.topic().topicName(), record.key()), k -> new ArrayList<>())
                    .add(record.arrivalMillis());
        }

        Map<TopicKey, List<Long>> timestamps = timestampsByKey();

        assertEquals(arrivals, timestamps);
        assertTrue(onTheBroker.stream().allMatch(r -> r.timestampType() == TimestampType.CREATE_TIME),
                "the producer's timestamp is kept (CreateTime), not replaced by the broker's clock");
    }

    @Test
    void theTimestampsOfOneKeyNeverGoBackwards() {
        Map<TopicKey, List<Long>> timestamps = timestampsByKey();

        List<String> backwards = new ArrayList<>();
        timestamps.forEach((key, times) -> {
            for (int i = 1; i < times.size(); i++) {
                if (times.get(i) < times.get(i - 1)) {
                    backwards.add(key + ": " + times.get(i - 1) + " then " + times.get(i));
                }
            }
        });

        assertEquals(List.of(), backwards);
        assertTrue(timestamps.values().stream().anyMatch(times -> times.size() > 10),
                "some key has a long story to keep in order");
    }

    @Test
    void aSinkThatCannotReachKafkaFailsLoudlyOnFlush() {
        Properties unreachable = KafkaClients.eventProducer("localhost:1");
        // Give up within seconds rather than the production five minutes.
        unreachable.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
        unreachable.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "3000");
        unreachable.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "1000");
        unreachable.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(unreachable);
        KafkaEventSink deadEnd = new KafkaEventSink(producer);
        try {
            deadEnd.send(new SinkRecord(Topic.ORDERS, "o20260302-000001", "{\"event_type\":\"order_placed\"}",
                    1_772_409_680_624L));

            IllegalStateException failure = assertThrows(IllegalStateException.class, deadEnd::flush);

            assertTrue(failure.getMessage().contains("Kafka"), failure.getMessage());
            assertEquals(0, deadEnd.acknowledged());
        } finally {
            producer.close(Duration.ZERO);
        }
    }

    private static Map<TopicKey, List<Long>> timestampsByKey() {
        Map<TopicKey, List<Long>> timestamps = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : onTheBroker) {
            timestamps.computeIfAbsent(new TopicKey(record.topic(), record.key()), k -> new ArrayList<>())
                    .add(record.timestamp());
        }
        return timestamps;
    }

    private static Map<Topic, Long> countByTopic(List<Topic> topics) {
        Map<Topic, Long> counts = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            counts.put(topic, 0L);
        }
        topics.forEach(t -> counts.merge(t, 1L, Long::sum));
        return counts;
    }

    private static Topic topicNamed(String name) {
        for (Topic topic : Topic.values()) {
            if (topic.topicName().equals(name)) {
                return topic;
            }
        }
        throw new IllegalArgumentException("not an event topic: " + name);
    }

    /**
     * Every record on the event topics: assign all partitions, start at the beginning, read until each
     * partition reaches the end offset it had when reading started. No consumer group is involved.
     */
    private static List<ConsumerRecord<String, byte[]>> readEveryEventTopic() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                consumer.partitionsFor(topic.topicName())
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read to the end offsets " + end + " within 60 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private record TopicKey(String topic, String key) {
    }

    /** Remembers every record the city hands over, in order, then passes it on to the Kafka sink. */
    private static final class CapturingSink implements EventSink {

        private final EventSink next;

        CapturingSink(EventSink next) {
            this.next = next;
        }

        @Override
        public void send(SinkRecord record) {
            handedToSink.add(record);
            next.send(record);
        }

        @Override
        public void flush() {
            next.flush();
        }

        @Override
        public void close() {
            next.close();
        }
    }
}
