package dev.forkcast.ingestion.broker;

import dev.forkcast.events.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topics Forkcast uses, created explicitly with settings chosen on purpose.
 *
 * <ul>
 *   <li><b>Partitions: 3</b> per event topic. Keys (order id, courier id) keep each entity's events in
 *       order on one partition; three partitions let up to three lander instances share the work,
 *       more than this 2-core machine can use and few enough to keep the broker light.</li>
 *   <li><b>cleanup.policy=delete</b>: events are facts, each one counts. Compaction would keep only
 *       the latest record per key, which suits "current state" topics, not an event log.</li>
 *   <li><b>retention.ms=-1</b> (keep forever) on event topics: a simulated history is dated in the
 *       past, and Kafka ages records by their timestamps, so a 7-day retention would delete a
 *       simulated March as soon as it arrived. The lander's {@code raw.events} is the durable copy;
 *       a production cluster would keep days, not forever.</li>
 *   <li><b>Dead letters</b>: one partition (a trickle, read by people), kept 30 days by the time they
 *       were dead-lettered.</li>
 *   <li><b>Replication factor</b>: the cluster's default, so the same code gives one replica on the
 *       local broker and three on a cluster configured for it (with {@code min.insync.replicas=2},
 *       {@code acks=all} then survives losing a broker).</li>
 * </ul>
 */
public final class ForkcastTopics {

    public static final String DEAD_LETTERS = "forkcast.dead-letters";
    public static final int EVENT_PARTITIONS = 3;
    /** Empty: the cluster's default.replication.factor (1 on the local broker, typically 3 on a cluster). */
    private static final Optional<Short> REPLICATION = Optional.empty();

    private ForkcastTopics() {
    }

    /** Every topic with its partitions and settings. */
    public static List<NewTopic> all() {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            topics.add(new NewTopic(topic.topicName(), Optional.of(EVENT_PARTITIONS), REPLICATION).configs(Map.of(
                    "cleanup.policy", "delete",
                    "retention.ms", "-1",
                    // The producer's timestamp (when the record reached the platform) is the record's time.
                    "message.timestamp.type", "CreateTime",
                    // Kafka 4 refuses timestamps more than an hour ahead of the broker's clock; a simulated
                    // city may run in the future (or on a machine whose clock is behind its start date).
                    "message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE))));
        }
        topics.add(new NewTopic(DEAD_LETTERS, Optional.of(1), REPLICATION).configs(Map.of(
                "cleanup.policy", "delete",
                "retention.ms", String.valueOf(30L * 24 * 3600 * 1000),
                "message.timestamp.type", "LogAppendTime")));
        return topics;
    }

    /** The topic names the lander reads. */
    public static List<String> eventTopicNames() {
        return java.util.Arrays.stream(Topic.values()).map(Topic::topicName).toList();
    }

    /** Creates whatever is missing; existing topics are left as they are. Returns the names it created. */
    public static List<String> ensureExist(Admin admin) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = all().stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return List.of();
            }
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create Forkcast's topics: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
