package dev.forkcast.ingestion.landing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.ingestion.ChecksummingSink;
import dev.forkcast.ingestion.KafkaClients;
import dev.forkcast.ingestion.LandedData;
import dev.forkcast.ingestion.TestServers;
import dev.forkcast.ingestion.broker.KafkaEndpoint;
import dev.forkcast.ingestion.producing.KafkaEventSink;
import dev.forkcast.simulator.Simulator;
import dev.forkcast.simulator.truth.TruthSink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lander runs as its own process and is killed with SIGKILL (no shutdown hook, no clean stop: a
 * crash) several times while the city is still producing. Restarted each time, it must end with
 * exactly the records that were sent: zero lost, zero duplicated.
 */
class LanderCrashIT {

    private static final int CRASHES = 4;

    private static TestServers servers;

    @BeforeAll
    static void startServers() {
        servers = TestServers.start();
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void aLanderKilledAgainAndAgainStillLandsEveryRecordExactlyOnce() throws Exception {
        ChecksummingSink sink = new ChecksummingSink(new KafkaEventSink(
                new KafkaProducer<>(KafkaClients.eventProducer(servers.bootstrap()))));
        // Paced (two simulated days in about 40 s), so the city is still producing while the lander is killed.
        CompletableFuture<Void> city = CompletableFuture.runAsync(() -> {
            try (sink) {
                new Simulator(TestServers.smallCity().with("clock.days", "2").with("clock.speedup", "4000"), 5, sink,
                        TruthSink.NONE).run();
            }
        });
        Random when = new Random(42);
        List<Long> rowsAtEachCrash = new ArrayList<>();

        for (int crash = 0; crash < CRASHES; crash++) {
            Process lander = startLanderProcess(Path.of("target", "lander-crash-" + crash + ".log"));
            long rowsBefore = LandedData.rowCount(servers.db.dataSource(), "raw.events");
            LandedData.await(Duration.ofSeconds(90), "the lander to land something", () ->
                    rowCountQuietly() > rowsBefore);
            Thread.sleep(300 + when.nextInt(1200));
            lander.destroyForcibly().waitFor();
            rowsAtEachCrash.add(LandedData.rowCount(servers.db.dataSource(), "raw.events"));
        }
        city.get();
        Process last = startLanderProcess(Path.of("target", "lander-crash-final.log"));
        int exit;
        try {
            exit = last.waitFor(3, java.util.concurrent.TimeUnit.MINUTES) ? last.exitValue() : -1;
        } finally {
            last.destroyForcibly();
        }

        assertEquals(0, exit, "the final lander should stop by itself once idle; see target/lander-crash-final.log");
        assertTrue(rowsAtEachCrash.get(CRASHES - 1) < sink.sent().count(), "the crashes happened mid-run: " + rowsAtEachCrash);
        assertTrue(city.isDone());
        LandedData.assertArrivedExactlyAsSent(sink.sent(), servers);
    }

    private static long rowCountQuietly() {
        try {
            return LandedData.rowCount(servers.db.dataSource(), "raw.events");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ./forkcast land --until-idle 3} in a child JVM, pointed at this test's broker and database. */
    private static Process startLanderProcess(Path log) throws Exception {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                // Kafka client warnings go to the log too: they explain a lander that stalls.
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn",
                LanderCommand.class.getName(), "--until-idle", "3");
        builder.environment().put(KafkaEndpoint.BOOTSTRAP_VARIABLE, servers.bootstrap());
        builder.environment().put("FORKCAST_DB_URL", servers.db.jdbcUrl());
        builder.environment().put("FORKCAST_DB_USER", servers.db.user());
        builder.environment().put("FORKCAST_DB_PASSWORD", servers.db.password() == null ? "" : servers.db.password());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }

}
