package dev.forkcast.ingestion;

import dev.forkcast.ingestion.broker.KafkaEndpoint;
import dev.forkcast.ingestion.broker.LocalKafkaBroker;
import dev.forkcast.simulator.SimulationConfig;
import dev.forkcast.warehouse.ScratchDatabase;
import java.util.Map;

/**
 * What an ingestion integration test runs against: a real throw-away Kafka broker with Forkcast's
 * topics, and a fresh migrated PostgreSQL database. Start it in {@code @BeforeAll}, close it in
 * {@code @AfterAll}.
 */
public final class TestServers implements AutoCloseable {

    public final LocalKafkaBroker broker;
    public final ScratchDatabase db;

    private TestServers(LocalKafkaBroker broker, ScratchDatabase db) {
        this.broker = broker;
        this.db = db;
    }

    public static TestServers start() {
        LocalKafkaBroker broker = LocalKafkaBroker.startTemporary();
        KafkaEndpoint.of(broker).ensureTopics();
        return new TestServers(broker, ScratchDatabase.create());
    }

    public String bootstrap() {
        return broker.bootstrapServers();
    }

    /** A city small enough for a test to run a day of it in a second or two: about 30,000 records a day. */
    public static SimulationConfig smallCity() {
        return SimulationConfig.withOverrides(Map.of("city.restaurants", "60", "city.customers", "1500",
                "city.couriers", "40", "demand.orders_per_day", "400", "clock.days", "1"));
    }

    @Override
    public void close() {
        db.close();
        broker.close();
    }
}
