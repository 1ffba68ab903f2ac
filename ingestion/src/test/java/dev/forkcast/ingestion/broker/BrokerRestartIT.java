package dev.forkcast.ingestion.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.ingestion.ChecksummingSink;
import dev.forkcast.ingestion.KafkaClients;
import dev.forkcast.ingestion.LandedData;
import dev.forkcast.ingestion.TestServers;
import dev.forkcast.ingestion.landing.LanderRunner;
import dev.forkcast.ingestion.producing.KafkaEventSink;
import dev.forkcast.simulator.SimulationConfig;
import dev.forkcast.simulator.Simulator;
import dev.forkcast.simulator.truth.TruthSink;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker goes down and comes back while the city produces and the lander lands: the idempotent
 * producer retries through the outage without duplicating, the lander reconnects, and the warehouse
 * ends up with exactly what was sent.
 */
class BrokerRestartIT {

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
    void aBrokerRestartMidRunLosesAndDuplicatesNothing() throws Exception {
        // Two simulated days in about 20 s: the restart lands in the middle of production.
        SimulationConfig pacedCity = TestServers.smallCity().with("clock.days", "2").with("clock.speedup", "8000");
        KafkaEventSink kafkaSink = new KafkaEventSink(new KafkaProducer<>(KafkaClients.eventProducer(servers.bootstrap())));
        ChecksummingSink sink = new ChecksummingSink(kafkaSink);

        try (LanderRunner lander = new LanderRunner(servers.bootstrap(), servers.db.dataSource())) {
            CompletableFuture<Void> city = CompletableFuture.runAsync(() -> {
                try (sink) {
                    new Simulator(pacedCity, 8, sink, TruthSink.NONE).run();
                }
            });
            LandedData.await(Duration.ofSeconds(60), "some records to be acknowledged", () -> kafkaSink.acknowledged() > 5_000);
            servers.broker.restart();
            long acknowledgedRightAfterRestart = kafkaSink.acknowledged();
            city.get();
            LandedData.await(Duration.ofMinutes(2), "the lander to handle every record", () ->
                    LandedData.handledAll(lander, sink.sent().count()));

            assertTrue(acknowledgedRightAfterRestart < sink.sent().count(), "the restart happened mid-run");
        }

        LandedData.assertArrivedExactlyAsSent(sink.sent(), servers);
    }
}
