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
import dev.forkcast.ml.predictions.DeliveryTimePrediction;
import dev.forkcast.ml.predictions.DeliveryTimePredictor;
import dev.forkcast.ml.registry.Alias;
import dev.forkcast.ml.registry.ModelKind;
import dev.forkcast.ml.registry.ModelRegistry;
import dev.forkcast.ml.registry.ModelRegistry.Registration;
import dev.forkcast.ml.registry.TrainingRunLog;
import dev.forkcast.warehouse.ScratchDatabase;
import dev.forkcast.warehouse.features.DeliveryTimeHistory;
import dev.forkcast.warehouse.features.DeliveryTimeLookup;
import dev.forkcast.warehouse.features.FeatureCatalogue;
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
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * A Sunday dinner-time order at one restaurant, estimated over HTTP by a small real champion: the answer must
 * be exactly what the library computes from the same warehouse lookup, and every bad input a 400 naming it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryTimeApiIT implements TestPropertyProvider {

    private static final String ROUTE = "/api/v1/predictions/delivery-time";
    private static final Instant SUNDAY_DINNER = Instant.parse("2025-03-09T18:30:00Z");
    private static final String ORDER = """
            {"restaurantId": "r1", "deliveryLat": 52.10049, "deliveryLon": 5.13051, "itemCount": 3,
             "basketValueCents": 2450, "weather": "rain", "placedAt": "2025-03-09T18:30:00Z"}""";

    private final ScratchDatabase database = ScratchDatabase.create();
    private ModelRegistry registry;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestApi.properties(database, TestApi.TOKEN);
    }

    @BeforeAll
    void aRestaurantWithTwoRecentOrdersAndTwoCouriersOnShift() throws SQLException {
        TestApi.sql(database.dataSource(),
                """
                INSERT INTO staging.restaurants VALUES
                  ('r1', '2025-01-01T00:00:00Z', 'Pho Utrecht', 'vietnamese', 2, 52.09, 5.12, 'z03', 3, 12)""",
                """
                INSERT INTO marts.dim_restaurants VALUES
                  ('r1', 'Pho Utrecht', 'vietnamese', 2, 'z03', 52.09, 5.12, 3, 12, '2025-01-01T00:00:00Z')""",
                // o1: placed 18:10, accepted 18:12, picked up 18:25 (a 13-minute preparation known before 18:30).
                // o2: placed 18:20, accepted, not picked up yet.
                order("o1", "2025-03-09T18:10:00Z", "'2025-03-09T18:12:00Z'", "'2025-03-09T18:25:00Z'"),
                order("o2", "2025-03-09T18:20:00Z", "'2025-03-09T18:21:00Z'", "NULL"),
                event("o1", "order_placed", "2025-03-09T18:10:00Z"),
                event("o1", "order_accepted", "2025-03-09T18:12:00Z"),
                event("o1", "order_picked_up", "2025-03-09T18:25:00Z"),
                event("o2", "order_placed", "2025-03-09T18:20:00Z"),
                event("o2", "order_accepted", "2025-03-09T18:21:00Z"),
                // c1 and c2 on shift; c3's shift ended at 18:00.
                shift("c1", "courier_shift_started", "2025-03-09T17:00:00Z"),
                shift("c2", "courier_shift_started", "2025-03-09T17:30:00Z"),
                shift("c3", "courier_shift_started", "2025-03-09T16:00:00Z"),
                shift("c3", "courier_shift_ended", "2025-03-09T18:00:00Z"));
        new TrainingRunLog(database.dataSource()).started("train-1", "git:test");
        registry = new ModelRegistry(database.dataSource());
        registry.register(ModelKind.DELIVERY_TIME, tinyDeliveryModel(), new Registration("train-1", "linear", Map.of(),
                Map.of(), Map.of("test_rmse", 4.0, "test_error_p10", -5.0, "test_error_p90", 6.0), null, "git:test"));
        registry.assign(ModelKind.DELIVERY_TIME, Alias.CHAMPION, 1, "test");
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void theServedEstimateIsExactlyTheLibrarysForTheSameLookup() throws SQLException {
        DeliveryTimePrediction expected = libraryEstimate(52.10049, 5.13051, 3, 2450L, "rain", SUNDAY_DINNER);

        Answer answer = httpPost(server, ROUTE, ORDER, null);

        assertEquals(200, answer.status(), answer.body());
        JsonNode body = TestApi.json(answer.body());
        assertEquals(expected.minutes(), body.get("minutes").asDouble(), 0.0);
        assertEquals(expected.low(), body.get("low").asDouble(), 0.0);
        assertEquals(expected.high(), body.get("high").asDouble(), 0.0);
        assertTrue(body.get("low").asDouble() <= body.get("minutes").asDouble());
        assertTrue(body.get("minutes").asDouble() <= body.get("high").asDouble());
        assertEquals(1, body.get("modelVersion").asInt());
        assertJson(TestApi.toJson(expected.features()), body.get("features").toString());
    }

    @Test
    void anOrderWithoutPlacedAtIsEstimatedExactlyAsOfTheCurrentMinute() throws SQLException {
        String now = ORDER.replace(", \"placedAt\": \"2025-03-09T18:30:00Z\"", "");
        assertTrue(!now.contains("placedAt"), now);
        for (int attempt = 0; ; attempt++) {
            Instant minute = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            Answer answer = httpPost(server, ROUTE, now, null);
            // The second order of the minute is answered from the minute's lookup: the same answer.
            Answer again = httpPost(server, ROUTE, now, null);
            if (!minute.equals(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)) && attempt < 3) {
                continue; // the minute turned during the requests: which one the server took is unknown
            }
            DeliveryTimePrediction expected = libraryEstimate(52.10049, 5.13051, 3, 2450L, "rain", minute);
            assertEquals(200, answer.status(), answer.body());
            JsonNode body = TestApi.json(answer.body());
            assertEquals(expected.minutes(), body.get("minutes").asDouble(), 0.0);
            assertJson(TestApi.toJson(expected.features()), body.get("features").toString());
            assertJson(answer.body(), again.body());
            return;
        }
    }

    @Test
    void theFeaturesCarryTheRestaurantsAndTheFleetsHistory() {
        Answer answer = httpPost(server, ROUTE, ORDER, null);

        JsonNode features = TestApi.json(answer.body()).get("features");
        assertEquals(18, features.get("hour_of_day").asInt());
        assertTrue(features.get("is_weekend").asBoolean());
        assertEquals(13.0, features.get("restaurant_prep_minutes_avg_7d").asDouble(), 1e-9);
        assertEquals(2, features.get("restaurant_orders_last_30m").asInt());
        assertEquals(2, features.get("couriers_on_shift").asInt());
        assertEquals(1.0, features.get("fleet_load_30m").asDouble(), 1e-9);
    }

    @Test
    void aBatchIsAnsweredInOrderAsSingleOrdersAre() {
        String other = ORDER.replace("\"itemCount\": 3", "\"itemCount\": 9");

        Answer answer = httpPost(server, ROUTE + "/batch", "{\"orders\": [" + ORDER + "," + other + "]}", null);

        assertEquals(200, answer.status(), answer.body());
        JsonNode predictions = TestApi.json(answer.body()).get("predictions");
        assertEquals(2, predictions.size());
        assertJson(httpPost(server, ROUTE, ORDER, null).body(), predictions.get(0).toString());
        assertJson(httpPost(server, ROUTE, other, null).body(), predictions.get(1).toString());
    }

    @Test
    void aMissingRestaurantIs400NamingIt() {
        Answer answer = httpPost(server, ROUTE, ORDER.replace("\"restaurantId\": \"r1\", ", ""), null);

        assertError(400, "restaurantId", "must not be blank", answer);
    }

    @Test
    void aLatitudeOffTheGlobeIs400NamingIt() {
        Answer answer = httpPost(server, ROUTE, ORDER.replace("52.10049", "123"), null);

        assertError(400, "deliveryLat", "must be less than or equal to 90", answer);
    }

    @Test
    void anEmptyBasketIs400NamingItemCount() {
        Answer answer = httpPost(server, ROUTE, ORDER.replace("\"itemCount\": 3", "\"itemCount\": 0"), null);

        assertError(400, "itemCount", "must be greater than or equal to 1", answer);
    }

    @Test
    void aPlacedAtThatIsNotAnInstantIs400NamingIt() {
        Answer answer = httpPost(server, ROUTE, ORDER.replace("2025-03-09T18:30:00Z", "09/03/2025 18:30"), null);

        assertError(400, "placedAt", "must be an instant like 2025-03-09T18:30:00Z (ISO-8601, UTC)", answer);
    }

    @Test
    void aBadOrderInABatchIsNamedByItsIndex() {
        String bad = ORDER.replace("\"itemCount\": 3", "\"itemCount\": 0");

        Answer answer = httpPost(server, ROUTE + "/batch", "{\"orders\": [" + ORDER + "," + bad + "]}", null);

        assertError(400, "orders[1].itemCount", "must be greater than or equal to 1", answer);
    }

    @Test
    void anUnknownRestaurantIs404NamingIt() {
        Answer answer = httpPost(server, ROUTE, ORDER.replace("\"r1\"", "\"r404\""), null);

        assertError(404, "restaurantId", "no restaurant r404 in the warehouse (as of its last ETL run)", answer);
    }

    @Test
    void withoutAChampionTheAnswerIs503SayingToTrain() throws SQLException {
        TestApi.sql(database.dataSource(), "DELETE FROM ml.model_aliases WHERE model_name = 'delivery_time'");
        try {
            Answer answer = httpPost(server, ROUTE, ORDER, null);

            assertEquals(503, answer.status());
            assertJson("""
                    {"status": 503, "error": "Service Unavailable",
                     "reason": "there is no delivery_time champion yet: run ./forkcast train"}""", answer.body());
        } finally {
            registry.assign(ModelKind.DELIVERY_TIME, Alias.CHAMPION, 1, "test");
        }
    }

    @Test
    void aMovedChampionAnswersFromTheVeryNextRequest() throws SQLException {
        String now = ORDER.replace(", \"placedAt\": \"2025-03-09T18:30:00Z\"", "");
        if (registry.version(ModelKind.DELIVERY_TIME, 2).isEmpty()) {
            registry.register(ModelKind.DELIVERY_TIME, tinyDeliveryModel(), new Registration("train-1", "linear",
                    Map.of(), Map.of(), Map.of("test_rmse", 4.0, "test_error_p10", -5.0, "test_error_p90", 6.0), null,
                    "git:test"));
        }
        try {
            assertEquals(1, servedVersion(now));

            registry.assign(ModelKind.DELIVERY_TIME, Alias.CHAMPION, 2, "test: promoted");
            assertEquals(2, servedVersion(now));
            assertEquals(2, servedVersion(ORDER));

            registry.assign(ModelKind.DELIVERY_TIME, Alias.CHAMPION, 1, "test: rolled back");
            assertEquals(1, servedVersion(now));
            assertEquals(1, servedVersion(ORDER));
        } finally {
            registry.assign(ModelKind.DELIVERY_TIME, Alias.CHAMPION, 1, "test");
        }
    }

    private int servedVersion(String order) {
        Answer answer = httpPost(server, ROUTE, order, null);
        assertEquals(200, answer.status(), answer.body());
        return TestApi.json(answer.body()).get("modelVersion").asInt();
    }

    @Test
    void aServedEstimateLandsInThePredictionLog() throws Exception {
        String order = ORDER.replace("\"itemCount\": 3", "\"itemCount\": 77");
        double minutes = TestApi.json(httpPost(server, ROUTE, order, null).body()).get("minutes").asDouble();

        List<Double> logged = new ArrayList<>();
        for (int attempt = 0; attempt < 50 && logged.isEmpty(); attempt++) {
            Thread.sleep(100);
            logged = loggedMinutes(77);
        }

        assertEquals(List.of(minutes), logged);
    }

    private DeliveryTimePrediction libraryEstimate(double lat, double lon, int items, long basketCents, String weather,
                                                   Instant at) throws SQLException {
        DeliveryTimeHistory h = new DeliveryTimeLookup(database.dataSource()).asOf("r1", at);
        Double km = h.distanceKm(RequestFeatures.approxCoordinate(lat), RequestFeatures.approxCoordinate(lon));
        Object[] values = {RequestFeatures.hourOfDay(at), RequestFeatures.dayOfWeek(at), RequestFeatures.isWeekend(at),
                weather, items, basketCents, km,
                h.restaurantQuotedPrepMinutes(), h.restaurantKitchenCapacity(), h.restaurantPrepMinutesAvg7d(),
                h.restaurantOrdersLast30m(), h.fleetOrdersLast30m(), h.couriersOnShift(), h.fleetLoad30m(),
                h.courierSoonestArrivalMinutes(weather), h.courierSoonestWaitMinutes(weather), h.courierSoonestKm(weather),
                h.courierSoonestVehicle(weather), h.couriersAvailable(weather), h.couriersIdle(weather),
                h.courierRideMinutesEstimate(km, weather), h.courierOtherVehicleGapMinutes(weather),
                h.courierOtherVehicleRideMinutesEstimate(km, weather)};
        return DeliveryTimePredictor.champion(registry).orElseThrow().predict(values);
    }

    private List<Double> loggedMinutes(int itemCount) throws SQLException {
        List<Double> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT (output->>'minutes')::double precision AS minutes FROM ml.prediction_log "
                     + "WHERE model_name = 'delivery_time' AND model_version = 1 AND (features->>'item_count')::int = " + itemCount)) {
            while (rows.next()) {
                out.add(rows.getDouble("minutes"));
            }
        }
        return out;
    }

    /** Minutes = 12 + 3.5 per km + 1.5 per item, learned by linear SGD over every catalogue feature. */
    private static Model<Regressor> tinyDeliveryModel() {
        String[] weathers = {"clear", "rain", "storm"};
        String[] vehicles = {"bike", "ebike", "scooter", "car"};
        List<FeatureRow> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double km = 0.25 * i;
            int items = 1 + i % 5;
            Object[] values = {i % 24, 1 + i % 7, i % 7 >= 5, weathers[i % 3], items, 1000L + 100 * i, km, 12, 3,
                    i % 4 == 0 ? null : 10.0 + i % 6, i % 4, i % 6, 2, (i % 6) / 2.0,
                    // The fleet: nobody logged in for some, an idle or busy courier for others.
                    i % 5 == 0 ? null : 3.0 + i % 7, i % 5 == 0 ? null : (double) (i % 3), i % 5 == 0 ? null : 0.2 * (i % 9),
                    i % 5 == 0 ? null : vehicles[i % 4], i % 5 == 0 ? 0 : 1 + i % 3, i % 5 == 0 ? 0 : i % 2,
                    i % 5 == 0 ? null : km * 4,
                    // The soonest courier on another vehicle: how much later, and its ride to the door.
                    i % 5 == 0 ? null : (double) (i % 4), i % 5 == 0 ? null : km * 3};
            rows.add(new FeatureRow("t" + i, SUNDAY_DINNER.minusSeconds(3600L * i), values, 12 + 3.5 * km + 1.5 * items));
        }
        // Fixed seed: the same model on every run.
        return new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.5), 5, 42)
                .train(TribuoDatasets.regression(FeatureCatalogue.DELIVERY_TIME, rows, "tiny deliveries"));
    }

    private static String order(String orderId, String placedAt, String acceptedAt, String pickedUpAt) {
        return """
                INSERT INTO marts.fct_orders (order_id, customer_id, restaurant_id, placed_date, placed_at, accepted_at,
                  picked_up_at, status, has_promo, is_refund_requested, is_chargeback, event_count, ping_count,
                  is_placed_clock_corrected, has_out_of_order_events, has_late_events)
                VALUES ('%s', 'cu1', 'r1', '2025-03-09', '%s', %s, %s, 'in_progress', false, false, false, 3, 0,
                  false, false, false)""".formatted(orderId, placedAt, acceptedAt, pickedUpAt);
    }

    private static String event(String orderId, String type, String at) {
        return """
                INSERT INTO staging.order_events (event_id, order_id, event_type, event_at, received_at, is_clock_corrected,
                  restaurant_id)
                VALUES ('%s-%s', '%s', '%s', '%s', '%s', false, 'r1')""".formatted(orderId, type, orderId, type, at, at);
    }

    private static String shift(String courierId, String type, String at) {
        return """
                INSERT INTO staging.courier_shifts (event_id, courier_id, event_type, event_at, received_at)
                VALUES ('%s-%s', '%s', '%s', '%s', '%s')""".formatted(courierId, type, courierId, type, at, at);
    }
}
