package dev.forkcast.ingestion.landing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.events.Topic;
import dev.forkcast.ingestion.ChecksummingSink;
import dev.forkcast.ingestion.KafkaClients;
import dev.forkcast.ingestion.LandedData;
import dev.forkcast.ingestion.StreamChecksum;
import dev.forkcast.ingestion.TestServers;
import dev.forkcast.ingestion.producing.KafkaEventSink;
import dev.forkcast.simulator.SimulationConfig;
import dev.forkcast.simulator.SimulationStats;
import dev.forkcast.simulator.Simulator;
import dev.forkcast.simulator.dirt.DirtKind;
import dev.forkcast.simulator.truth.TruthSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A simulated day through a real broker into real PostgreSQL: every valid record lands once, every bad one is a dead letter. */
class LanderIT {

    private static TestServers servers;
    private static SimulationStats stats;
    private static StreamChecksum sent;

    @BeforeAll
    static void landASimulatedDay() throws Exception {
        servers = TestServers.start();
        SimulationConfig dirtyDay = TestServers.smallCity().with("dirt.malformed_rate", "0.01").with("dirt.wrong_type_rate", "0.01");
        try (ChecksummingSink sink = new ChecksummingSink(new KafkaEventSink(
                new KafkaProducer<>(KafkaClients.eventProducer(servers.bootstrap()))))) {
            stats = new Simulator(dirtyDay, 3, sink, TruthSink.NONE).run();
            sink.flush();
            sent = sink.sent();
        }

        try (LanderRunner lander = new LanderRunner(servers.bootstrap(), servers.db.dataSource())) {
            LandedData.await(Duration.ofMinutes(2), "the lander to handle every record", () ->
                    LandedData.handledAll(lander, sent.count()));
        }
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void everyValidRecordLandsExactlyOnce() throws Exception {
        StreamChecksum landed = LandedData.rawEvents(servers.db.dataSource());

        for (Topic topic : Topic.values()) {
            long damaged = stats.dirt(DirtKind.MALFORMED, topic) + stats.dirt(DirtKind.WRONG_TYPE, topic);
            assertEquals(sent.count(topic) - damaged, landed.count(topic), topic.topicName());
        }
    }

    @Test
    void landedRowsPlusDeadLettersAreExactlyWhatWasSent() throws Exception {
        LandedData.assertArrivedExactlyAsSent(sent, servers);
    }

    @Test
    void everyDamagedRecordIsADeadLetterWithItsReasonAndWhereItCameFrom() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> deadLetters = LandedData.deadLetters(servers.bootstrap());

        assertEquals(stats.dirt(DirtKind.MALFORMED) + stats.dirt(DirtKind.WRONG_TYPE), deadLetters.size());
        Set<String> coordinates = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> d : deadLetters) {
            String reason = header(d, "forkcast.reason");
            assertNotNull(reason);
            assertTrue(reason.startsWith("not valid JSON") || reason.contains(" must be ") || reason.startsWith("not a JSON"),
                    reason);
            coordinates.add(header(d, "forkcast.source.topic") + "/" + header(d, "forkcast.source.partition") + "/"
                    + header(d, "forkcast.source.offset"));
        }
        assertEquals(deadLetters.size(), coordinates.size(), "each source record dead-lettered once");
    }

    @Test
    void deadLettersAreCountedInOps() throws Exception {
        long counted = LandedData.rowCount(servers.db.dataSource(), "ops.dead_letters");

        assertEquals(stats.dirt(DirtKind.MALFORMED) + stats.dirt(DirtKind.WRONG_TYPE), counted);
    }

    @Test
    void duplicatesAreKeptInRawBecauseRawIsWhatArrived() throws Exception {
        long rows = LandedData.rowCount(servers.db.dataSource(), "raw.events");
        long distinctIds = LandedData.rowCount(servers.db.dataSource(), "(SELECT DISTINCT event_id FROM raw.events) ids");

        assertEquals(stats.dirt(DirtKind.DUPLICATE), rows - distinctIds);
    }

    @Test
    void aRestartedLanderResumesFromStoredOffsetsAndLandsNothingTwice() throws Exception {
        long before = LandedData.rowCount(servers.db.dataSource(), "raw.events");

        try (LanderRunner again = new LanderRunner(servers.bootstrap(), servers.db.dataSource())) {
            LandedData.await(Duration.ofSeconds(60), "the second lander to see its partitions",
                    () -> again.metrics().getLag() == 0);
            Thread.sleep(1000);
            assertEquals(0, again.metrics().getLandedTotal());
        }

        assertEquals(before, LandedData.rowCount(servers.db.dataSource(), "raw.events"));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
