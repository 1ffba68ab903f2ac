package dev.forkcast.ingestion.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.events.Topic;
import dev.forkcast.ingestion.ChecksummingSink;
import dev.forkcast.ingestion.KafkaClients;
import dev.forkcast.ingestion.LandedData;
import dev.forkcast.ingestion.StreamChecksum;
import dev.forkcast.ingestion.landing.LanderRunner;
import dev.forkcast.ingestion.producing.KafkaEventSink;
import dev.forkcast.simulator.SimulationConfig;
import dev.forkcast.simulator.Simulator;
import dev.forkcast.simulator.truth.TruthSink;
import dev.forkcast.warehouse.ScratchDatabase;
import java.time.Duration;
import java.util.Map;
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

    private static LocalKafkaBroker broker;
    private static ScratchDatabase db;

    @BeforeAll
    static void startServers() {
        broker = LocalKafkaBroker.startTemporary();
        KafkaEndpoint.of(broker).ensureTopics();
        db = ScratchDatabase.create();
    }

    @AfterAll
    static void stopServers() {
        if (db != null) {
            db.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aBrokerRestartMidRunLosesAndDuplicatesNothing() throws Exception {
        SimulationConfig pacedCity = SimulationConfig.withOverrides(Map.of("city.restaurants", "60",
                "city.customers", "1500", "city.couriers", "40", "demand.orders_per_day", "400", "clock.days", "2",
                // Two simulated days in about 20 s: the restart lands in the middle of production.
                "clock.speedup", "8000"));
        KafkaEventSink kafkaSink = new KafkaEventSink(new KafkaProducer<>(KafkaClients.eventProducer(broker.bootstrapServers())));
        ChecksummingSink sink = new ChecksummingSink(kafkaSink);

        try (LanderRunner lander = new LanderRunner(broker.bootstrapServers(), db.dataSource())) {
            CompletableFuture<Void> city = CompletableFuture.runAsync(() -> {
                try (sink) {
                    new Simulator(pacedCity, 8, sink, TruthSink.NONE).run();
                }
            });
            LandedData.await(Duration.ofSeconds(60), "some records to be acknowledged", () -> kafkaSink.acknowledged() > 5_000);
            broker.restart();
            long acknowledgedRightAfterRestart = kafkaSink.acknowledged();
            city.get();
            LandedData.await(Duration.ofMinutes(2), "the lander to handle every record", () ->
                    lander.metrics().getLandedTotal() + lander.metrics().getDeadLetteredTotal() == sink.sent().count());

            assertTrue(acknowledgedRightAfterRestart < sink.sent().count(), "the restart happened mid-run");
        }

        StreamChecksum arrived = LandedData.rawEvents(db.dataSource())
                .plus(LandedData.deadLetterValues(LandedData.deadLetters(broker.bootstrapServers())));
        for (Topic topic : Topic.values()) {
            assertEquals(sink.sent().count(topic), arrived.count(topic), topic.topicName() + " count");
            assertEquals(sink.sent().sum(topic), arrived.sum(topic), topic.topicName() + " checksum");
        }
    }
}
