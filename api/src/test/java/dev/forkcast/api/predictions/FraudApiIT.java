package dev.forkcast.api.predictions;

import static dev.forkcast.api.TestApi.assertError;
import static dev.forkcast.api.TestApi.assertJson;
import static dev.forkcast.api.TestApi.httpPost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forkcast.api.TestApi;
import dev.forkcast.api.TestApi.Answer;
import dev.forkcast.ml.datasets.FeatureRow;
import dev.forkcast.ml.datasets.TribuoDatasets;
import dev.forkcast.ml.predictions.FraudPrediction;
import dev.forkcast.ml.predictions.FraudPredictor;
import dev.forkcast.ml.registry.Alias;
import dev.forkcast.ml.registry.ModelKind;
import dev.forkcast.ml.registry.ModelRegistry;
import dev.forkcast.ml.registry.ModelRegistry.Registration;
import dev.forkcast.ml.registry.TrainingRunLog;
import dev.forkcast.warehouse.ScratchDatabase;
import dev.forkcast.warehouse.features.FeatureCatalogue;
import dev.forkcast.warehouse.features.FraudHistory;
import dev.forkcast.warehouse.features.FraudLookup;
import dev.forkcast.warehouse.features.RequestFeatures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * A night order from a customer with two earlier orders and a refund, scored over HTTP by a small real fraud
 * champion: the answer must be exactly what the library computes from the same warehouse lookup and home, and
 * every bad input a 400 naming it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FraudApiIT implements TestPropertyProvider {

    private static final String ROUTE = "/api/v1/predictions/fraud";
    private static final Instant NIGHT = Instant.parse("2025-03-09T02:30:00Z");
    private static final double THRESHOLD = 0.4;
    private static final double HOME_LAT = 52.08;
    private static final double HOME_LON = 5.11;
    private static final String ORDER = """
            {"customerId": "cu1", "restaurantId": "r1", "deviceId": "dev1", "basketValueCents": 9000,
             "deliveryLat": 52.13049, "deliveryLon": 5.16051, "cardCountry": "de", "promoCode": "WELCOME10",
             "placedAt": "2025-03-09T02:30:00Z"}""";

    private final ScratchDatabase database = ScratchDatabase.create();
    private ModelRegistry registry;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestApi.properties(database, TestApi.TOKEN);
    }

    @BeforeAll
    void aCustomerWithTwoOrdersARefundAndASharedDevice() throws SQLException {
        TestApi.sql(database.dataSource(),
                customer("cu1", "2025-02-01T00:00:00Z", "dev1"),
                customer("cu2", "2025-02-15T00:00:00Z", "dev1"),
                """
                INSERT INTO staging.restaurants VALUES
                  ('r1', '2025-01-01T00:00:00Z', 'Pho Utrecht', 'vietnamese', 2, 52.09, 5.12, 'z03', 3, 12)""",
                order("o1", "2025-03-01T19:00:00Z", 2000),
                order("o2", "2025-03-05T19:00:00Z", 4000),
                event("o1", "2025-03-01T19:00:00Z"),
                event("o2", "2025-03-05T19:00:00Z"),
                """
                INSERT INTO staging.payment_events (event_id, order_id, customer_id, event_type, event_at, received_at,
                  is_clock_corrected)
                VALUES ('p1', 'o1', 'cu1', 'refund_requested', '2025-03-02T10:00:00Z', '2025-03-02T10:00:00Z', false)""");
        new TrainingRunLog(database.dataSource()).started("train-1", "git:test");
        registry = new ModelRegistry(database.dataSource());
        registry.register(ModelKind.FRAUD, tinyFraudModel(), new Registration("train-1", "logistic", Map.of(),
                Map.of(), Map.of("validation_pr_auc", 0.5), THRESHOLD, "git:test"));
        registry.assign(ModelKind.FRAUD, Alias.CHAMPION, 1, "test");
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void theServedScoreIsExactlyTheLibrarysForTheSameLookup() throws SQLException {
        FraudPrediction expected = libraryScore();

        Answer answer = httpPost(server, ROUTE, ORDER, null);

        assertEquals(200, answer.status(), answer.body());
        JsonNode body = TestApi.json(answer.body());
        double score = body.get("score").asDouble();
        assertEquals(expected.score(), score, 0.0);
        assertEquals(THRESHOLD, body.get("threshold").asDouble(), 0.0);
        assertEquals(score >= THRESHOLD, body.get("block").asBoolean());
        assertEquals(expected.block(), body.get("block").asBoolean());
        assertEquals(FraudPredictor.REASONS, body.get("reasons").size());
        for (int i = 0; i < FraudPredictor.REASONS; i++) {
            JsonNode reason = body.get("reasons").get(i);
            assertEquals(expected.reasons().get(i).feature(), reason.get("feature").asText());
            assertEquals(expected.reasons().get(i).contribution(), reason.get("contribution").asDouble(), 0.0);
            assertTrue(reason.has("value"));
        }
        assertEquals(1, body.get("modelVersion").asInt());
        assertJson(TestApi.toJson(expected.features()), body.get("features").toString());
    }

    @Test
    void theFeaturesCarryTheCustomersHistoryAndHome() {
        JsonNode features = TestApi.json(httpPost(server, ROUTE, ORDER, null).body()).get("features");

        assertEquals(2, features.get("hour_of_day").asInt());
        assertTrue(features.get("is_night_order").asBoolean());
        assertEquals(9000, features.get("basket_value_cents").asLong());
        assertEquals(3.0, features.get("basket_ratio").asDouble(), 1e-9);       // 9000 over (2000 + 4000) / 2
        assertEquals(36.104166666, features.get("account_age_days").asDouble(), 1e-6);
        assertEquals(RequestFeatures.distanceKm(52.130, 5.161, HOME_LAT, HOME_LON),
                features.get("km_from_home").asDouble(), 1e-12);
        assertTrue(features.get("is_foreign_card").asBoolean());
        assertEquals(2, features.get("accounts_on_device").asInt());
        assertTrue(features.get("has_promo").asBoolean());
        assertEquals(2, features.get("customer_orders_before").asInt());
        assertEquals(1, features.get("customer_refunds_before").asInt());
    }

    @Test
    void aHomeCardWithoutPromoIsNeitherForeignNorPromoted() {
        String order = ORDER.replace("\"de\"", "\"NL\"").replace("\"promoCode\": \"WELCOME10\",", "");

        JsonNode features = TestApi.json(httpPost(server, ROUTE, order, null).body()).get("features");

        assertEquals(false, features.get("is_foreign_card").asBoolean());
        assertEquals(false, features.get("has_promo").asBoolean());
    }

    @Test
    void aBatchIsScoredInOrderAsSingleOrdersAre() {
        String other = ORDER.replace("9000", "2500").replace("\"de\"", "\"NL\"");

        Answer answer = httpPost(server, ROUTE + "/batch", "{\"orders\": [" + ORDER + "," + other + "]}", null);

        assertEquals(200, answer.status(), answer.body());
        JsonNode predictions = TestApi.json(answer.body()).get("predictions");
        assertEquals(2, predictions.size());
        assertEquals(TestApi.json(httpPost(server, ROUTE, ORDER, null).body()), predictions.get(0));
        assertEquals(TestApi.json(httpPost(server, ROUTE, other, null).body()), predictions.get(1));
    }

    @Test
    void aBadOrderInABatchIsNamedByItsIndex() {
        String bad = ORDER.replace("9000", "-1");

        Answer answer = httpPost(server, ROUTE + "/batch", "{\"orders\": [" + ORDER + "," + bad + "]}", null);

        assertError(400, "orders[1].basketValueCents", "must be greater than or equal to 0", answer);
    }

    @Test
    void anUnknownCustomerInABatchIs404NamedByItsIndex() {
        String unknown = ORDER.replace("\"cu1\"", "\"cu404\"");

        Answer answer = httpPost(server, ROUTE + "/batch", "{\"orders\": [" + ORDER + "," + unknown + "]}", null);

        assertError(404, "orders[1].customerId", "no customer cu404 in the warehouse (as of its last ETL run)", answer);
    }

    @Test
    void anEmptyBatchIs400() {
        Answer answer = httpPost(server, ROUTE + "/batch", "{\"orders\": []}", null);

        assertError(400, "orders", "size must be between 1 and 1000", answer);
    }

    @Test
    void aMissingCustomerIs400NamingIt() {
        Answer answer = httpPost(server, ROUTE, ORDER.replace("\"customerId\": \"cu1\", ", ""), null);

        assertError(400, "customerId", "must not be blank", answer);
    }

    @Test
    void aNegativeBasketIs400NamingIt() {
        Answer answer = httpPost(server, ROUTE, ORDER.replace("9000", "-1"), null);

        assertError(400, "basketValueCents", "must be greater than or equal to 0", answer);
    }

    @Test
    void aLongitudeOffTheGlobeIs400NamingIt() {
        Answer answer = httpPost(server, ROUTE, ORDER.replace("5.16051", "181"), null);

        assertError(400, "deliveryLon", "must be less than or equal to 180", answer);
    }

    @Test
    void aCardCountryThatIsNotTwoLettersIs400NamingIt() {
        Answer answer = httpPost(server, ROUTE, ORDER.replace("\"de\"", "\"DEU\""), null);

        assertError(400, "cardCountry", "must be two letters, like NL", answer);
    }

    @Test
    void aPlacedAtThatIsNotAnInstantIs400NamingIt() {
        Answer answer = httpPost(server, ROUTE, ORDER.replace("2025-03-09T02:30:00Z", "09/03/2025 02:30"), null);

        assertError(400, "placedAt", "must be an instant like 2025-03-09T18:30:00Z (ISO-8601, UTC)", answer);
    }

    @Test
    void anUnknownCustomerIs404NamingIt() {
        Answer answer = httpPost(server, ROUTE, ORDER.replace("\"cu1\"", "\"cu404\""), null);

        assertError(404, "customerId", "no customer cu404 in the warehouse (as of its last ETL run)", answer);
    }

    @Test
    void withoutAChampionTheAnswerIs503SayingToTrain() throws SQLException {
        TestApi.sql(database.dataSource(), "DELETE FROM ml.model_aliases WHERE model_name = 'fraud'");
        try {
            Answer answer = httpPost(server, ROUTE, ORDER, null);

            assertEquals(503, answer.status());
            assertJson("""
                    {"status": 503, "error": "Service Unavailable",
                     "reason": "there is no fraud champion yet: run ./forkcast train"}""", answer.body());
        } finally {
            registry.assign(ModelKind.FRAUD, Alias.CHAMPION, 1, "test");
        }
    }

    @Test
    void aServedScoreLandsInThePredictionLog() throws Exception {
        String order = ORDER.replace("9000", "7777");
        double score = TestApi.json(httpPost(server, ROUTE, order, null).body()).get("score").asDouble();

        List<Double> logged = new ArrayList<>();
        for (int attempt = 0; attempt < 50 && logged.isEmpty(); attempt++) {
            Thread.sleep(100);
            logged = loggedScores(7777);
        }

        assertEquals(List.of(score), logged);
    }

    private FraudPrediction libraryScore() throws SQLException {
        FraudHistory h = new FraudLookup(database.dataSource()).asOf("cu1", "r1", "dev1", NIGHT, null);
        Double km = RequestFeatures.distanceKm(RequestFeatures.approxCoordinate(52.13049),
                RequestFeatures.approxCoordinate(5.16051), HOME_LAT, HOME_LON);
        Object[] values = {RequestFeatures.hourOfDay(NIGHT), RequestFeatures.isNightOrder(NIGHT), 9000L,
                h.basketRatio(9000L), h.accountAgeDays(), km, true, h.accountsOnDevice(), true,
                h.customerOrdersBefore(), h.customerRefundsBefore()};
        return FraudPredictor.champion(registry).orElseThrow().predict(values);
    }

    private List<Double> loggedScores(long basketCents) throws SQLException {
        List<Double> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT (output->>'score')::double precision AS score FROM ml.prediction_log "
                     + "WHERE model_name = 'fraud' AND model_version = 1 "
                     + "AND (features->>'basket_value_cents')::bigint = " + basketCents)) {
            while (rows.next()) {
                out.add(rows.getDouble("score"));
            }
        }
        return out;
    }

    /** Fraud = night orders on new accounts with foreign cards, learned by logistic SGD over every catalogue feature. */
    private static Model<Label> tinyFraudModel() {
        List<FeatureRow> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            boolean night = i % 3 == 0;
            boolean foreign = i % 4 == 0;
            double age = i % 5 == 0 ? 2.0 : 100.0 + i;
            boolean fraud = night && (foreign || age < 10);
            Object[] values = {night ? 2 : 19, night, 1000L + 150L * i, i % 6 == 0 ? null : 0.5 + (i % 7) / 2.0, age,
                    0.5 * (i % 9), foreign, 1 + i % 3, i % 2 == 0, i % 8, i % 3 == 0 ? 1 : 0};
            rows.add(new FeatureRow("t" + i, NIGHT.minusSeconds(3600L * i), values, fraud ? 1.0 : 0.0));
        }
        // Fixed seed: the same model on every run.
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5), 5, 42)
                .train(TribuoDatasets.classification(FeatureCatalogue.FRAUD, rows, "tiny orders", 5f));
    }

    private static String customer(String customerId, String signedUpAt, String deviceId) {
        return """
                INSERT INTO staging.customers (customer_id, signed_up_at, name_pseudonym, email_pseudonym,
                  phone_pseudonym, home_address_pseudonym, home_lat_approx, home_lon_approx, device_id)
                VALUES ('%s', '%s', 'n', 'e', 'p', 'a', %s, %s, '%s')""".formatted(customerId, signedUpAt, HOME_LAT,
                HOME_LON, deviceId);
    }

    private static String order(String orderId, String placedAt, long basketCents) {
        return """
                INSERT INTO marts.fct_orders (order_id, customer_id, restaurant_id, placed_date, placed_at,
                  basket_value_cents, status, has_promo, is_refund_requested, is_chargeback, event_count, ping_count,
                  is_placed_clock_corrected, has_out_of_order_events, has_late_events)
                VALUES ('%s', 'cu1', 'r1', '%s', '%s', %d, 'delivered', false, false, false, 3, 0,
                  false, false, false)""".formatted(orderId, placedAt.substring(0, 10), placedAt, basketCents);
    }

    private static String event(String orderId, String at) {
        return """
                INSERT INTO staging.order_events (event_id, order_id, event_type, event_at, received_at, is_clock_corrected,
                  restaurant_id)
                VALUES ('%s-placed', '%s', 'order_placed', '%s', '%s', false, 'r1')""".formatted(orderId, orderId, at, at);
    }
}
