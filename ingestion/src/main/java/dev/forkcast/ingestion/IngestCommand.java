package dev.forkcast.ingestion;

import dev.forkcast.events.Topic;
import dev.forkcast.ingestion.broker.KafkaEndpoint;
import dev.forkcast.ingestion.landing.IngestionProgress;
import dev.forkcast.ingestion.landing.LanderRunner;
import dev.forkcast.ingestion.producing.KafkaEventSink;
import dev.forkcast.simulator.CommandLine;
import dev.forkcast.simulator.SimulationConfig;
import dev.forkcast.simulator.SimulationStats;
import dev.forkcast.simulator.Simulator;
import dev.forkcast.simulator.dirt.DirtKind;
import dev.forkcast.simulator.truth.TruthSink;
import dev.forkcast.simulator.truth.WarehouseTruthWriter;
import dev.forkcast.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * {@code ./forkcast ingest}: the first half of the data engineer's highway, end to end. The simulated
 * city produces into Kafka while the lander consumes into {@code raw.events}; at the end the command
 * waits for the lander to catch up and prints what went where.
 *
 * <pre>
 * simulator ─▶ KafkaEventSink ─▶ forkcast.orders / couriers / payments / registrations ─▶ Lander ─▶ raw.events
 *    │                                                                                    └──▶ forkcast.dead-letters
 *    └──▶ truth.*                                                                                + ops.dead_letters
 * </pre>
 */
public final class IngestCommand {

    private static final String HELP = """
            Usage: ./forkcast ingest [options]

            Runs the city into Kafka and lands every record into the warehouse (raw.events), exactly once.

              --days N            simulated days (default 1)
              --seed N            the world's seed (default 42)
              --speedup X         pace the city: 60 = one simulated hour per real minute (default 0 = flat out);
                                  --rate X is the same
              --bootstrap H:P     an existing Kafka (else FORKCAST_KAFKA_BOOTSTRAP, else a local broker)
              --truth db|none     write the ground truth to the warehouse (default db)
              --some.setting V    any simulator setting, e.g. --city.customers 5000
            """;

    private IngestCommand() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine line;
        SimulationConfig config;
        long seed;
        try {
            line = CommandLine.parse(args, Set.of("seed", "bootstrap", "truth", "help"));
            Map<String, String> settings = new LinkedHashMap<>(Map.of("clock.days", "1"));
            settings.putAll(line.settings);
            config = SimulationConfig.withOverrides(settings);
            seed = parseSeed(line.option("seed", "42"));
        } catch (IllegalArgumentException e) {
            System.err.println("ingest: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (line.options.containsKey("help")) {
            System.out.print(HELP);
            return;
        }
        run(config, seed, line.option("bootstrap", null), !line.option("truth", "db").equals("none"));
    }

    private static long parseSeed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number, got '" + text + "'");
        }
    }

    static void run(SimulationConfig config, long seed, String bootstrap, boolean writeTruth) throws Exception {
        System.out.printf("Forkcast ingest: seed %d, %d day(s) from %s -> Kafka -> raw.events%n", seed, config.days,
                config.startDate);
        Map<String, String> environment = new LinkedHashMap<>(System.getenv());
        if (bootstrap != null) {
            environment.put(KafkaEndpoint.BOOTSTRAP_VARIABLE, bootstrap);
        }
        long startedAt = System.currentTimeMillis();
        try (Warehouse warehouse = Warehouse.open(); KafkaEndpoint kafka = KafkaEndpoint.resolve(environment)) {
            System.out.println("warehouse: " + warehouse.description());
            System.out.println("kafka:     " + kafka.description());
            java.util.List<String> created = kafka.ensureTopics();
            if (!created.isEmpty()) {
                System.out.println("created topics " + created);
            }
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            try (LanderRunner lander = new LanderRunner(kafka.bootstrapServers(), warehouse.dataSource());
                 KafkaEventSink sink = new KafkaEventSink(new KafkaProducer<>(KafkaClients.eventProducer(kafka.bootstrapServers())));
                 TruthSink truth = writeTruth ? new WarehouseTruthWriter(warehouse.dataSource()) : TruthSink.NONE) {
                IngestionProgress progress = new IngestionProgress(System.out, lander.metrics());
                ticker.scheduleAtFixedRate(() -> progress.print(sink.acknowledged()), 2, 2, TimeUnit.SECONDS);
                SimulationStats stats = new Simulator(config, seed, sink, truth).run();
                sink.flush();
                long sent = stats.records();
                System.out.printf("the city is done: %,d records produced and acknowledged; waiting for the lander...%n", sent);
                waitForLander(lander, sent);
                ticker.shutdownNow();
                progress.print(sink.acknowledged());
                printSummary(stats, sink, warehouse, startedAt);
            } finally {
                ticker.shutdownNow();
            }
        }
    }

    /** Until the lander has handled as many records as were sent and sees no lag (a few minutes at most). */
    private static void waitForLander(LanderRunner lander, long sent) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (lander.failure() != null) {
                throw new IllegalStateException("the lander failed", lander.failure());
            }
            long handled = lander.metrics().getLandedTotal() + lander.metrics().getDeadLetteredTotal();
            if (handled >= sent && lander.metrics().getLag() == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the lander did not catch up within 10 minutes");
    }

    private static void printSummary(SimulationStats stats, KafkaEventSink sink, Warehouse warehouse, long startedAt)
            throws SQLException {
        System.out.println();
        System.out.println("Summary (this run)");
        System.out.printf("  %-26s %12s %12s %12s %14s%n", "topic", "produced", "landed", "dead letters", "injected bad");
        try (Connection c = warehouse.dataSource().getConnection();
             PreparedStatement landed = c.prepareStatement(
                     "SELECT count(*) FROM raw.events WHERE topic = ? AND landed_at >= ?");
             PreparedStatement dead = c.prepareStatement(
                     "SELECT count(*) FROM ops.dead_letters WHERE topic = ? AND dead_lettered_at >= ?")) {
            for (Topic topic : Topic.values()) {
                long landedCount = count(landed, topic, startedAt);
                long deadCount = count(dead, topic, startedAt);
                long injected = stats.dirt(DirtKind.MALFORMED, topic) + stats.dirt(DirtKind.WRONG_TYPE, topic);
                System.out.printf("  %-26s %,12d %,12d %,12d %,14d%n", topic.topicName(), sink.acknowledged(topic),
                        landedCount, deadCount, injected);
            }
            System.out.println("  (injected bad = malformed + wrong-type copies the simulator sent on purpose;"
                    + " each should be a dead letter)");
            try (PreparedStatement reasons = c.prepareStatement(
                    "SELECT reason, count(*) FROM ops.dead_letters WHERE dead_lettered_at >= ?"
                            + " GROUP BY reason ORDER BY count(*) DESC, reason LIMIT 5")) {
                reasons.setTimestamp(1, new Timestamp(startedAt));
                try (ResultSet rs = reasons.executeQuery()) {
                    System.out.println("  most common dead-letter reasons:");
                    while (rs.next()) {
                        String reason = rs.getString(1);
                        System.out.printf("    %,6d  %s%n", rs.getLong(2), reason.length() > 110 ? reason.substring(0, 107) + "..." : reason);
                    }
                }
            }
        }
    }

    private static long count(PreparedStatement statement, Topic topic, long since) throws SQLException {
        statement.setString(1, topic.topicName());
        statement.setTimestamp(2, new Timestamp(since));
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
