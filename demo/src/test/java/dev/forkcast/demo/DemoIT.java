package dev.forkcast.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forkcast.warehouse.ForkcastHome;
import dev.forkcast.warehouse.ScratchDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The demo end to end, on real servers: its start-up path (a scratch PostgreSQL database, a Kafka broker the demo
 * starts on free ports, the city through Kafka and the lander, the Spark ETL, Tribuo training and the Micronaut API
 * as child JVMs), a short live phase, and the stop. Given one start-up (about two minutes), each test checks one
 * thing; the last one stops the demo.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DemoIT {

    private ScratchDatabase database;
    private Path state;
    private DemoSettings settings;
    private Demo demo;
    private Demo.StartUp startUp;
    private List<ProcessHandle> children;

    @BeforeAll
    void startTheDemoOnASmallCity() throws Exception {
        database = ScratchDatabase.create();
        state = Files.createTempDirectory("forkcast-demo-it-");
        // The demo's default city and its 20 days (the fraud model needs 18); a fast live clock (20 simulated minutes
        // a second) so live orders come within seconds; no live ETL run (it is the start-up's ETL, again).
        settings = new DemoSettings(ForkcastHome.locate(), state, DemoSettings.DEFAULT_DAYS, 42,
                DemoSettings.DEFAULT_CITY, 1200, Duration.ofHours(1), Duration.ofSeconds(2), freePort(),
                database.settings(), null, freePort(), freePort());
        demo = new Demo(settings, System.out, System.currentTimeMillis());
        startUp = demo.startUp();
    }

    @AfterAll
    void stopAndDropEverything() {
        try {
            demo.close();
        } finally {
            database.close();
        }
    }

    @Test
    @Order(1)
    void everyRecordKafkaHeldWasLandedWithItsOffsetOrDeadLettered() throws SQLException {
        long landed = count("SELECT count(*) FROM raw.events");
        long deadLetters = count("SELECT count(*) FROM ops.dead_letters");
        long offsetsCommitted = count("SELECT sum(next_offset) FROM ops.consumer_offsets WHERE topic IN"
                + " ('forkcast.orders', 'forkcast.couriers', 'forkcast.payments', 'forkcast.registrations')");

        assertTrue(landed > 100_000, "a 20-day history lands well over 100,000 records, got " + landed);
        assertEquals(startUp.history().produced(), landed + deadLetters, "produced = landed + dead letters");
        assertEquals(offsetsCommitted, landed + deadLetters, "the lander's offsets cover exactly what it landed");
        assertEquals(landed, count("SELECT count(DISTINCT (topic, kafka_partition, kafka_offset)) FROM raw.events"));
    }

    @Test
    @Order(2)
    void etlReadEveryLandedRowAndBuiltTheFeatures() throws SQLException {
        assertEquals(1, count("SELECT count(*) FROM ops.pipeline_runs WHERE status = 'succeeded'"));
        assertEquals(0, count("SELECT count(*) FROM ops.pipeline_runs WHERE status <> 'succeeded'"));
        assertEquals(count("SELECT count(*) FROM raw.events"), count("SELECT raw_rows_read FROM ops.pipeline_runs"));
        long orders = count("SELECT count(*) FROM marts.fct_orders");
        assertTrue(orders > 10_000, "orders in the marts: " + orders);
        assertEquals(orders, count("SELECT count(*) FROM features.delivery_time"));
    }

    @Test
    @Order(2)
    void historysTruthWasWrittenForEveryOrderBeforeTraining() throws SQLException {
        long withoutTruth = count("SELECT count(*) FROM marts.fct_orders o"
                + " WHERE NOT EXISTS (SELECT 1 FROM truth.orders t WHERE t.order_id = o.order_id)");

        assertEquals(0, withoutTruth, "the city flushed its truth at the end of the history (TruthSink.flush)");
        assertTrue(startUp.sample().worldExpectedMinutes() > 0);
    }

    @Test
    @Order(3)
    void predictionIsServedOverHttpByTheChampionTrainedAfterTheEtl() throws Exception {
        ApiClient.Answer answer = demo.api().postJson("/api/v1/predictions/delivery-time",
                startUp.sample().deliveryTimeJson());

        assertEquals(200, answer.status(), answer.text());
        long champion = count("SELECT version FROM ml.model_aliases WHERE model_name = 'delivery_time' AND alias = 'champion'");
        assertEquals(champion, answer.body().path("modelVersion").asLong());
        assertEquals(champion, startUp.modelVersion());
        double minutes = answer.body().path("minutes").asDouble();
        assertTrue(minutes > 1 && minutes < 180, "minutes: " + minutes);
        assertEquals(1, count("SELECT count(*) FROM ml.model_versions v JOIN ops.pipeline_runs r"
                + " ON v.created_at > r.finished_at WHERE v.model_name = 'delivery_time' AND v.version = " + champion),
                "the champion was trained after the ETL run finished");
    }

    @Test
    @Order(4)
    void fraudChampionScoresTheSameOrder() throws Exception {
        ApiClient.Answer answer = demo.api().postJson("/api/v1/predictions/fraud", startUp.sample().fraudJson());

        assertEquals(200, answer.status(), answer.text());
        long champion = count("SELECT version FROM ml.model_aliases WHERE model_name = 'fraud' AND alias = 'champion'");
        assertEquals(champion, answer.body().path("modelVersion").asLong());
        JsonNode score = answer.body().path("score");
        assertTrue(score.asDouble() >= 0 && score.asDouble() <= 1, "score: " + score);
    }

    @Test
    @Order(5)
    void dashboardPageIsServedBesideTheRoutesItReads() throws Exception {
        ApiClient.Answer page = demo.api().get("/dashboard");

        assertEquals(200, page.status());
        assertTrue(page.text().contains("<title>Forkcast dashboard</title>"), page.text());
        for (String route : List.of("/api/v1/kpis/daily", "/api/v1/pipeline/runs", "/api/v1/models")) {
            assertTrue(page.text().contains(route), "the page reads " + route);
        }
    }

    @Test
    @Order(6)
    void liveOrdersAreLandedAndScoredThroughTheApiIntoThePredictionLog() throws Exception {
        long before = count("SELECT count(*) FROM ml.prediction_log WHERE model_name = 'delivery_time'");
        long landedBefore = count("SELECT count(*) FROM raw.events");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);

        demo.runLive(() -> System.nanoTime() > deadline
                || countQuietly("SELECT count(*) FROM ml.prediction_log WHERE model_name = 'delivery_time'") >= before + 3);

        assertTrue(count("SELECT count(*) FROM ml.prediction_log WHERE model_name = 'delivery_time'") >= before + 3,
                "three live orders scored within two minutes");
        assertTrue(count("SELECT count(*) FROM raw.events") > landedBefore, "the live city kept landing");
    }

    @Test
    @Order(7)
    void stoppingLeavesNoChildJvmNoBrokerAndEveryPortFree() throws Exception {
        children = demo.childProcesses();

        demo.close();

        assertEquals(3, children.size(), "the ETL, the trainer and the API ran as child JVMs");
        for (ProcessHandle child : children) {
            assertTrue(!child.isAlive(), "child " + child.pid() + " still runs");
        }
        assertEquals(List.of(), ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("dev.forkcast.")).map(ProcessHandle::pid).toList());
        for (int port : new int[] {settings.apiPort(), settings.kafkaPort(), settings.kafkaControllerPort()}) {
            assertTrue(Preflight.isFree(port), "port " + port + " is still taken");
        }
    }

    private long count(String sql) throws SQLException {
        DataSource warehouse = database.dataSource();
        try (Connection c = warehouse.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long countQuietly(String sql) {
        try {
            return count(sql);
        } catch (SQLException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
