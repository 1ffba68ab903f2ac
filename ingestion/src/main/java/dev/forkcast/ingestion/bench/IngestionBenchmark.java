package dev.forkcast.ingestion.bench;

import dev.forkcast.bench.BenchReport;
import dev.forkcast.events.EventValidator;
import dev.forkcast.events.Validation;
import dev.forkcast.ingestion.KafkaClients;
import dev.forkcast.ingestion.broker.ForkcastTopics;
import dev.forkcast.ingestion.broker.LocalKafkaBroker;
import dev.forkcast.ingestion.landing.CsvForCopy;
import dev.forkcast.ingestion.landing.LanderRunner;
import dev.forkcast.ingestion.landing.LanderShare;
import dev.forkcast.ingestion.producing.KafkaEventSink;
import dev.forkcast.simulator.SimulationConfig;
import dev.forkcast.simulator.Simulator;
import dev.forkcast.simulator.sink.EventSink;
import dev.forkcast.simulator.sink.SinkRecord;
import dev.forkcast.simulator.truth.TruthSink;
import dev.forkcast.warehouse.ScratchDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.postgresql.PGConnection;

/**
 * {@code ./forkcast bench ingestion}: the two halves of ingestion, each beside its baseline, in one run
 * on one in-process broker and one PostgreSQL.
 *
 * <ol>
 *   <li><b>Producing.</b> The simulator's records (generated first, in memory) sent through
 *       {@link KafkaEventSink}, against Kafka's own {@code ProducerPerformance} tool sending the same
 *       payloads (a file of our records) with the same producer settings to a topic with the same
 *       partitions. Target: the sink at least 80% of the tool.</li>
 *   <li><b>Landing.</b> The lander consuming those records into {@code raw.events}, exactly once
 *       (validation, COPY per batch, offsets in the same transaction), against one plain COPY of the
 *       same rows into the same table. Target: at least 70% of the plain COPY.</li>
 * </ol>
 */
public final class IngestionBenchmark {

    private static final String PERF_TOPIC = "bench.producer-performance";
    private static final Pattern RATE = Pattern.compile("([0-9.]+) records/sec");
    private static final int REPETITIONS = 3;

    private IngestionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int days = args.length >= 2 && args[0].equals("--days") ? Integer.parseInt(args[1]) : 2;
        SimulationConfig config = SimulationConfig.defaults().with("clock.days", String.valueOf(days));
        Path benchDir = Files.createDirectories(Path.of(System.getenv().getOrDefault("FORKCAST_HOME", "."), "target", "bench"));

        System.out.printf("generating %d simulated days of records in memory...%n", days);
        List<SinkRecord> records = new ArrayList<>();
        new Simulator(config, 42, new Capture(records), TruthSink.NONE).run();
        long bytes = records.stream().mapToLong(r -> r.value().length()).sum();
        BenchReport report = new BenchReport("ingestion", String.format(
                "%,d records (%d simulated days, default city), mean %d bytes, one in-process broker, embedded PostgreSQL",
                records.size(), days, bytes / records.size()));

        try (LocalKafkaBroker broker = LocalKafkaBroker.startTemporary()) {
            String bootstrap = broker.bootstrapServers();
            createTopics(bootstrap);

            System.out.println("producing with KafkaEventSink...");
            long start = System.nanoTime();
            try (KafkaEventSink sink = new KafkaEventSink(new KafkaProducer<>(KafkaClients.eventProducer(bootstrap)))) {
                for (SinkRecord record : records) {
                    sink.send(record);
                }
                sink.flush();
            }
            double sinkSeconds = (System.nanoTime() - start) / 1e9;
            report.measurement("KafkaEventSink (acks=all, idempotent)", records.size(), sinkSeconds, "records");

            System.out.println("producing with Kafka's ProducerPerformance (same payloads, same settings)...");
            double toolRate = runProducerPerformance(bootstrap, records, benchDir);
            report.measurement("baseline: Kafka ProducerPerformance", records.size(), records.size() / toolRate, "records");
            double sinkRate = records.size() / sinkSeconds;
            report.ratio("KafkaEventSink / ProducerPerformance", sinkRate / toolRate, "target >= 0.80");
            report.target("producer >= 80% of Kafka's ProducerPerformance", sinkRate >= 0.8 * toolRate);

            // Best of three for both sides: on a shared 2-core machine a single run is at the mercy of
            // whatever else wakes up; the best run is the closest to what the code itself can do.
            double bestLander = Double.MAX_VALUE;
            long landed = 0;
            for (int run = 1; run <= REPETITIONS; run++) {
                try (ScratchDatabase db = ScratchDatabase.create()) {
                    System.out.printf("landing with the lander (exactly once), run %d of %d...%n", run, REPETITIONS);
                    long landerStart = System.nanoTime();
                    try (LanderRunner lander = new LanderRunner(bootstrap, db.dataSource(), LanderShare.ALL)) {
                        while (lander.metrics().getLandedTotal() + lander.metrics().getDeadLetteredTotal() < records.size()) {
                            if (lander.failure() != null) {
                                throw new IllegalStateException("the lander failed", lander.failure());
                            }
                            Thread.sleep(20);
                        }
                        System.out.printf("  lander time: poll %,d ms, validate %,d ms | commit %,d ms (of which dead letters %,d ms)%n",
                                lander.metrics().getPollMillis(), lander.metrics().getValidateMillis(),
                                lander.metrics().getCommitMillis(), lander.metrics().getDeadLetterMillis());
                    }
                    bestLander = Math.min(bestLander, (System.nanoTime() - landerStart) / 1e9);
                    landed = count(db, "raw.events");
                }
            }
            report.measurement("lander: Kafka -> raw.events, exactly once", landed, bestLander, "rows");

            CsvForCopy csv = sameRowsAsCsv(records);
            double bestCopy = Double.MAX_VALUE;
            long copied = 0;
            try (ScratchDatabase db = ScratchDatabase.create()) {
                for (int run = 1; run <= REPETITIONS; run++) {
                    System.out.printf("baseline: one plain COPY of the same rows into the same table, run %d of %d...%n",
                            run, REPETITIONS);
                    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                        s.execute("TRUNCATE raw.events");
                        c.setAutoCommit(false);
                        long copyStart = System.nanoTime();
                        copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                                "COPY raw.events (topic, kafka_partition, kafka_offset, kafka_timestamp, record_key, event_id,"
                                        + " event_type, schema_version, event_time, body) FROM STDIN (FORMAT csv)",
                                csv.asInputStream());
                        c.commit();
                        bestCopy = Math.min(bestCopy, (System.nanoTime() - copyStart) / 1e9);
                    }
                }
            }
            report.measurement("baseline: plain COPY of the same rows", copied, bestCopy, "rows");
            double ratio = (landed / bestLander) / (copied / bestCopy);
            report.ratio("lander / plain COPY", ratio, "target >= 0.70 (best of " + REPETITIONS + " each)");
            report.target("lander (exactly once) >= 70% of a plain COPY", ratio >= 0.7);
        }
        report.print(System.out);
        System.out.println("\nsaved " + report.save());
    }

    private static void createTopics(String bootstrap) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(p)) {
            ForkcastTopics.ensureExist(admin);
            admin.createTopics(List.of(new NewTopic(PERF_TOPIC, ForkcastTopics.EVENT_PARTITIONS, (short) 1)
                    .configs(Map.of("retention.ms", "-1")))).all().get();
        }
    }

    /** Runs the tool as its own process, as kafka-producer-perf-test.sh would, and reads its records/sec. */
    private static double runProducerPerformance(String bootstrap, List<SinkRecord> records, Path dir) throws Exception {
        Path payloads = dir.resolve("ingestion-payloads.txt");
        Files.write(payloads, records.stream().map(SinkRecord::value).filter(v -> !v.contains("\n")).toList(),
                StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Files.readString(benchClasspath()).trim(),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic", PERF_TOPIC, "--num-records", String.valueOf(records.size()), "--throughput", "-1",
                "--payload-file", payloads.toString(),
                // Keyed like ours: random keys from a large range spread records over the partitions.
                "--key-distribution", "random", "--record-key-range", "100000", "--producer-props"));
        Properties settings = KafkaClients.eventProducer(bootstrap);
        for (String name : settings.stringPropertyNames()) {
            if (!name.contains("serializer") && !name.equals("client.id")) {
                command.add(name + "=" + settings.getProperty(name));
            }
        }
        Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        double rate = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(tool.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                last = line;
                Matcher m = RATE.matcher(line);
                if (m.find()) {
                    rate = Double.parseDouble(m.group(1));
                }
            }
        }
        if (tool.waitFor() != 0 || rate <= 0) {
            throw new IllegalStateException("ProducerPerformance failed; its last line: " + last);
        }
        Files.deleteIfExists(payloads);
        return rate;
    }

    private static Path benchClasspath() throws IOException {
        Path file = Path.of(System.getenv().getOrDefault("FORKCAST_HOME", "."), "ingestion", "target", "bench-classpath.txt");
        if (!Files.exists(file)) {
            throw new IOException(file + " is missing: build with ./forkcast build first");
        }
        return file;
    }

    /** The valid records as the rows the lander writes (same encoder, same columns), for the plain-COPY baseline. */
    private static CsvForCopy sameRowsAsCsv(List<SinkRecord> records) {
        EventValidator validator = new EventValidator();
        CsvForCopy csv = new CsvForCopy();
        long offset = 0;
        for (SinkRecord r : records) {
            byte[] value = r.value().getBytes(StandardCharsets.UTF_8);
            Validation v = validator.validate(value);
            if (!v.valid()) {
                continue;
            }
            csv.text(r.topic().topicName()).comma().number(0).comma().number(offset++).comma()
                    .timestamp(r.arrivalMillis()).comma().text(r.key()).comma().text(v.eventId()).comma()
                    .text(v.type().wireName()).comma().number(v.schemaVersion()).comma()
                    .timestamp(v.eventTimeMillis()).comma().quoted(value).endOfRow();
        }
        return csv;
    }

    private static long count(ScratchDatabase db, String table) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Keeps the generated records in memory. */
    private record Capture(List<SinkRecord> records) implements EventSink {
        @Override
        public void send(SinkRecord record) {
            records.add(record);
        }

        @Override
        public void close() {
        }
    }
}
