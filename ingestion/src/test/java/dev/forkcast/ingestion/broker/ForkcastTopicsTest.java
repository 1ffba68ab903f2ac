package dev.forkcast.ingestion.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forkcast.events.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class ForkcastTopicsTest {

    private static final String THIRTY_DAYS_MS = "2592000000";

    @Test
    void everyEventTopicIsThereAndTheDeadLetterTopicLast() {
        List<String> expected = new ArrayList<>(Arrays.stream(Topic.values()).map(Topic::topicName).toList());
        expected.add("forkcast.dead-letters");

        List<String> names = ForkcastTopics.all().stream().map(NewTopic::name).toList();

        assertEquals(expected, names);
    }

    @Test
    void theLanderReadsTheEventTopicsButNotTheDeadLetters() {
        List<String> names = ForkcastTopics.eventTopicNames();

        assertEquals(List.of("forkcast.orders", "forkcast.couriers", "forkcast.payments", "forkcast.registrations"),
                names);
    }

    @Test
    void eachEventTopicHasThreePartitions() {
        List<NewTopic> eventTopics = eventTopics();

        List<Integer> partitions = eventTopics.stream().map(NewTopic::numPartitions).toList();

        assertEquals(List.of(3, 3, 3, 3), partitions);
    }

    @Test
    void theDeadLetterTopicHasOnePartition() {
        NewTopic deadLetters = deadLetterTopic();

        int partitions = deadLetters.numPartitions();

        assertEquals(1, partitions);
    }

    @Test
    void everyTopicLeavesItsReplicationToTheClusterDefault() {
        List<NewTopic> topics = ForkcastTopics.all();

        // NewTopic reports -1 for "the broker's default.replication.factor": 1 here, 3 on a real cluster.
        List<Short> replicas = topics.stream().map(NewTopic::replicationFactor).toList();

        assertEquals(List.of((short) -1, (short) -1, (short) -1, (short) -1, (short) -1), replicas);
    }

    @Test
    void eventTopicsAcceptTimestampsFromASimulatedFuture() {
        NewTopic orders = ForkcastTopics.all().get(0);

        assertEquals(String.valueOf(Long.MAX_VALUE), orders.configs().get("message.timestamp.after.max.ms"));
    }

    @Test
    void everyTopicDeletesOldRecordsInsteadOfCompactingThem() {
        List<NewTopic> topics = ForkcastTopics.all();

        List<String> policies = topics.stream().map(t -> t.configs().get("cleanup.policy")).toList();

        assertEquals(List.of("delete", "delete", "delete", "delete", "delete"), policies);
    }

    @Test
    void eventTopicsKeepTheirRecordsForever() {
        List<NewTopic> eventTopics = eventTopics();

        List<String> retention = eventTopics.stream().map(t -> t.configs().get("retention.ms")).toList();

        assertEquals(List.of("-1", "-1", "-1", "-1"), retention);
    }

    @Test
    void deadLettersAreKeptThirtyDaysFromWhenTheyWereDeadLettered() {
        NewTopic deadLetters = deadLetterTopic();

        Map<String, String> configs = deadLetters.configs();

        assertEquals(THIRTY_DAYS_MS, configs.get("retention.ms"));
        assertEquals("LogAppendTime", configs.get("message.timestamp.type"));
    }

    @Test
    void eventTopicsKeepTheProducersTimestampTheArrivalTime() {
        List<NewTopic> eventTopics = eventTopics();

        List<String> timestampTypes = eventTopics.stream().map(t -> t.configs().get("message.timestamp.type")).toList();

        assertEquals(List.of("CreateTime", "CreateTime", "CreateTime", "CreateTime"), timestampTypes);
    }

    private static List<NewTopic> eventTopics() {
        return ForkcastTopics.all().stream().filter(t -> !t.name().equals(ForkcastTopics.DEAD_LETTERS)).toList();
    }

    private static NewTopic deadLetterTopic() {
        return ForkcastTopics.all().stream().filter(t -> t.name().equals(ForkcastTopics.DEAD_LETTERS)).findFirst()
                .orElseThrow();
    }
}
