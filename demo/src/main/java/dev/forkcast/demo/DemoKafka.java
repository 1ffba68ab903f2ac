package dev.forkcast.demo;

import dev.forkcast.ingestion.broker.ForkcastTopics;
import dev.forkcast.ingestion.broker.LocalKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The demo's Kafka, like its warehouse an empty world to start from:
 * <ul>
 *   <li>by default a broker started in this JVM on ports of its own ({@value #DEFAULT_PORT}, controller
 *       {@value #DEFAULT_CONTROLLER_PORT}: not {@code ./forkcast broker}'s 19092, which may be running) with its
 *       data in {@code .forkcast/demo/kafka}, deleted first: the lander of a new warehouse starts at offset 0, and
 *       an old world's records there would be landed again;</li>
 *   <li>with {@code FORKCAST_KAFKA_BOOTSTRAP} set, that Kafka, whose Forkcast topics must be empty or missing,
 *       for the same reason.</li>
 * </ul>
 * Forkcast's topics are created where missing ({@link ForkcastTopics}).
 */
public final class DemoKafka implements AutoCloseable {

    public static final int DEFAULT_PORT = 19192;
    public static final int DEFAULT_CONTROLLER_PORT = 19193;

    private final String bootstrap;
    private final String description;
    private final LocalKafkaBroker broker;

    private DemoKafka(String bootstrap, String description, LocalKafkaBroker broker) {
        this.bootstrap = bootstrap;
        this.description = description;
        this.broker = broker;
    }

    /** A new single-node KRaft broker with its data in {@code dataDirectory} (emptied first). */
    public static DemoKafka startLocal(Path dataDirectory, int port, int controllerPort) {
        deleteRecursively(dataDirectory);
        LocalKafkaBroker broker = LocalKafkaBroker.start(dataDirectory, port, controllerPort);
        try {
            createTopics(broker.bootstrapServers());
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return new DemoKafka(broker.bootstrapServers(), "in-process Kafka 4 broker (KRaft) at "
                + broker.bootstrapServers() + ", data in " + dataDirectory + " (new for this demo)", broker);
    }

    /** The Kafka that {@code FORKCAST_KAFKA_BOOTSTRAP} names; fails when its Forkcast topics hold records. */
    public static DemoKafka configured(String bootstrap) {
        long records = recordsOnEventTopics(bootstrap);
        if (records > 0) {
            throw new Preflight.PreflightException(String.format("the demo cannot start: the Forkcast topics of the"
                    + " Kafka at %s (FORKCAST_KAFKA_BOOTSTRAP) already hold %,d records. The demo's new warehouse would"
                    + " land them again beside its own world: delete the topics (kafka-topics.sh --bootstrap-server %s"
                    + " --delete --topic 'forkcast.*'), or unset FORKCAST_KAFKA_BOOTSTRAP to use the demo's own broker",
                    bootstrap, records, bootstrap));
        }
        createTopics(bootstrap);
        return new DemoKafka(bootstrap, "Kafka at " + bootstrap + " (FORKCAST_KAFKA_BOOTSTRAP)", null);
    }

    public String bootstrap() {
        return bootstrap;
    }

    public String description() {
        return description;
    }

    /** Stops the broker if the demo started it. */
    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }

    private static void createTopics(String bootstrap) {
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            ForkcastTopics.ensureExist(admin);
        }
    }

    /** Records between the earliest and the latest offset of every partition of the event topics that exist. */
    private static long recordsOnEventTopics(String bootstrap) {
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            List<String> existing = admin.listTopics().names().get().stream()
                    .filter(ForkcastTopics.eventTopicNames()::contains).toList();
            if (existing.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(existing).allTopicNames().get().values()) {
                topic.partitions().forEach(p -> {
                    TopicPartition tp = new TopicPartition(topic.name(), p.partition());
                    earliest.put(tp, OffsetSpec.earliest());
                    latest.put(tp, OffsetSpec.latest());
                });
            }
            var first = admin.listOffsets(earliest).all().get();
            var last = admin.listOffsets(latest).all().get();
            return last.entrySet().stream().mapToLong(e -> e.getValue().offset() - first.get(e.getKey()).offset()).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot reach the Kafka at " + bootstrap + " (FORKCAST_KAFKA_BOOTSTRAP): "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka for its offsets", e);
        }
    }

    private static Properties adminConfig(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // A Kafka that does not answer within 30 s is reported, rather than retried forever.
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return p;
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the demo's Kafka directory " + directory, e);
        }
    }
}
