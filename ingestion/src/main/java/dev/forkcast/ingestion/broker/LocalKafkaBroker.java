package dev.forkcast.ingestion.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker in this JVM: one node that is both broker and KRaft controller, the
 * smallest complete Kafka there is. Tests and the local demo use it; anything else can use any Kafka
 * address instead ({@code FORKCAST_KAFKA_BOOTSTRAP}).
 *
 * <pre>
 * try (LocalKafkaBroker broker = LocalKafkaBroker.startTemporary()) {
 *     String bootstrap = broker.bootstrapServers();   // e.g. localhost:40123
 * }
 * </pre>
 *
 * <p>Starting it takes what {@code kafka-storage.sh format} and {@code kafka-server-start.sh} do:
 * format the log directory with a cluster id, then start a {@code KafkaRaftServer}. Both are Kafka's
 * internal classes (stable from 4.0 to 4.4): check them when upgrading Kafka.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private final int controllerPort;
    private final boolean deleteOnClose;
    private KafkaRaftServer server;

    private LocalKafkaBroker(Path dataDirectory, int port, int controllerPort, boolean deleteOnClose) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.deleteOnClose = deleteOnClose;
    }

    /** A broker whose data lives in {@code dataDirectory} (kept across restarts), on the given ports. */
    public static LocalKafkaBroker start(Path dataDirectory, int port, int controllerPort) {
        LocalKafkaBroker broker = new LocalKafkaBroker(dataDirectory, port, controllerPort, false);
        broker.startServer();
        return broker;
    }

    /** A throw-away broker on free ports with its data in a temporary directory, deleted on close. */
    public static LocalKafkaBroker startTemporary() {
        try {
            Path dir = Files.createTempDirectory("forkcast-kafka-");
            LocalKafkaBroker broker = new LocalKafkaBroker(dir, freePort(), freePort(), true);
            broker.startServer();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the broker cleanly, keeping its data, as a rolling restart would. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts it again on the same data and ports. */
    public synchronized void restart() {
        stop();
        startServer();
    }

    @Override
    public synchronized void close() {
        stop();
        if (deleteOnClose) {
            deleteRecursively(dataDirectory);
        }
    }

    private synchronized void startServer() {
        Properties config = brokerConfig();
        Path configFile = dataDirectory.resolve("server.properties");
        try {
            Files.createDirectories(dataDirectory);
            try (Writer writer = Files.newBufferedWriter(configFile)) {
                config.store(writer, "Forkcast local broker (written on every start)");
            }
            format(configFile, clusterId());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka data directory " + dataDirectory, e);
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
        // Returns once the broker has joined its own quorum and opened its listener.
        server.startup();
    }

    /**
     * The broker's settings. Kafka's defaults assume a three-node production cluster; each change
     * below is what a single node on a laptop needs.
     */
    private Properties brokerConfig() {
        Properties p = new Properties();
        // One process plays both KRaft roles: it stores the metadata log and it serves clients.
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDirectory.resolve("logs").toString());
        // One node cannot keep three copies of anything: every internal topic gets one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // The consumer-offsets topic defaults to 50 partitions; 5 start much faster and are plenty here.
        p.put("offsets.topic.num.partitions", "5");
        // Consumers join a group at once instead of waiting 3 s for others who will never come.
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created on purpose, with chosen partitions and retention (see ForkcastTopics),
        // never by accident because a client mistyped a name.
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    /** The cluster id is kept beside the data so a restart finds the same cluster. */
    private String clusterId() throws IOException {
        Path idFile = dataDirectory.resolve("cluster.id");
        if (Files.exists(idFile)) {
            return Files.readString(idFile).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(idFile, id);
        return id;
    }

    private static void format(Path configFile, String clusterId) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        // StorageTool.execute rather than main: main calls System.exit.
        int status = StorageTool.execute(new String[] {
            "format", "-t", clusterId, "-c", configFile.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("formatting the Kafka log directory failed: "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is not worth failing for.
        }
    }
}
