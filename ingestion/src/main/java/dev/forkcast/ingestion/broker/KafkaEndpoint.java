package dev.forkcast.ingestion.broker;

import dev.forkcast.warehouse.ForkcastHome;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The Kafka a command talks to: the one {@code FORKCAST_KAFKA_BOOTSTRAP} names; else the local broker
 * if {@code ./forkcast broker} is already running; else a local broker started in this process (data
 * in {@code .forkcast/kafka}, stopped when the command ends). Closing releases only what was started here.
 */
public final class KafkaEndpoint implements AutoCloseable {

    public static final String BOOTSTRAP_VARIABLE = "FORKCAST_KAFKA_BOOTSTRAP";
    /** Not 9092: a developer machine often has another Kafka there. */
    public static final int LOCAL_PORT = 19092;
    public static final int LOCAL_CONTROLLER_PORT = 19093;

    private final String bootstrapServers;
    private final String description;
    private final LocalKafkaBroker startedHere;

    private KafkaEndpoint(String bootstrapServers, String description, LocalKafkaBroker startedHere) {
        this.bootstrapServers = bootstrapServers;
        this.description = description;
        this.startedHere = startedHere;
    }

    /** Resolves the endpoint from the environment as described above. */
    public static KafkaEndpoint fromEnvironment() {
        return resolve(System.getenv());
    }

    /** As {@link #fromEnvironment()}, from the given variables (a command line may add its own). */
    public static KafkaEndpoint resolve(Map<String, String> environment) {
        String configured = environment.get(BOOTSTRAP_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return new KafkaEndpoint(configured.trim(), "Kafka at " + configured.trim() + " (" + BOOTSTRAP_VARIABLE + ")", null);
        }
        String local = "localhost:" + LOCAL_PORT;
        if (answers(local)) {
            return new KafkaEndpoint(local, "local Kafka broker at " + local + " (started by ./forkcast broker)", null);
        }
        LocalKafkaBroker broker = LocalKafkaBroker.start(ForkcastHome.locate().resolve(".forkcast").resolve("kafka"),
                LOCAL_PORT, LOCAL_CONTROLLER_PORT);
        return new KafkaEndpoint(broker.bootstrapServers(),
                "in-process Kafka 4 broker (KRaft) at " + broker.bootstrapServers() + ", data in .forkcast/kafka", broker);
    }

    /** An endpoint for a broker the caller manages (tests). */
    public static KafkaEndpoint of(LocalKafkaBroker broker) {
        return new KafkaEndpoint(broker.bootstrapServers(), "test broker at " + broker.bootstrapServers(), null);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String description() {
        return description;
    }

    /** Creates Forkcast's topics where missing; returns the ones it created. */
    public java.util.List<String> ensureTopics() {
        try (Admin admin = Admin.create(adminConfig(bootstrapServers, 30_000))) {
            return ForkcastTopics.ensureExist(admin);
        }
    }

    @Override
    public void close() {
        if (startedHere != null) {
            startedHere.close();
        }
    }

    private static boolean answers(String bootstrap) {
        try (Admin admin = Admin.create(adminConfig(bootstrap, 1_500))) {
            admin.describeCluster().clusterId().get(2, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static Properties adminConfig(String bootstrap, int timeoutMs) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMs));
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMs));
        return p;
    }
}
