package dev.forkcast.api.kpis;

import static dev.forkcast.api.TestApi.assertJson;
import static dev.forkcast.api.TestApi.httpGet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forkcast.api.TestApi;
import dev.forkcast.api.TestApi.Answer;
import dev.forkcast.warehouse.ScratchDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Daily KPIs of two days in two zones; the second day's sushi in the north delivered nothing. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiApiIT implements TestPropertyProvider {

    private static final String NORTH_PIZZA_MARCH_1 = """
            {"orderDate": "2025-03-01", "zoneId": "north", "cuisine": "pizza", "orders": 40, "delivered": 36,
             "cancelled": 3, "inProgress": 1, "onTimeDeliveries": 30, "onTimeRate": 0.8333333333333334,
             "avgDeliveryMinutes": 31.5, "cancellationRate": 0.075, "grossValueCents": 98000, "refundRequests": 2,
             "chargebacks": 1}""";
    private static final String SOUTH_PIZZA_MARCH_1 = """
            {"orderDate": "2025-03-01", "zoneId": "south", "cuisine": "pizza", "orders": 10, "delivered": 10,
             "cancelled": 0, "inProgress": 0, "onTimeDeliveries": 9, "onTimeRate": 0.9, "avgDeliveryMinutes": 28.0,
             "cancellationRate": 0.0, "grossValueCents": 25000, "refundRequests": 0, "chargebacks": 0}""";
    private static final String NORTH_SUSHI_MARCH_2 = """
            {"orderDate": "2025-03-02", "zoneId": "north", "cuisine": "sushi", "orders": 2, "delivered": 0,
             "cancelled": 2, "inProgress": 0, "onTimeDeliveries": 0, "onTimeRate": null, "avgDeliveryMinutes": null,
             "cancellationRate": 1.0, "grossValueCents": 0, "refundRequests": 0, "chargebacks": 0}""";

    private final ScratchDatabase database = ScratchDatabase.create();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestApi.properties(database, TestApi.TOKEN);
    }

    @BeforeAll
    void threeKpiRows() throws SQLException {
        TestApi.sql(database.dataSource(), """
                INSERT INTO marts.daily_kpis (order_date, zone_id, cuisine, orders, delivered, cancelled, in_progress,
                  on_time_deliveries, on_time_rate, avg_delivery_minutes, cancellation_rate, gross_value_cents,
                  refund_requests, chargebacks)
                VALUES ('2025-03-01', 'north', 'pizza', 40, 36, 3, 1, 30, 30.0 / 36, 31.5, 0.075, 98000, 2, 1),
                       ('2025-03-01', 'south', 'pizza', 10, 10, 0, 0, 9, 0.9, 28.0, 0.0, 25000, 0, 0),
                       ('2025-03-02', 'north', 'sushi', 2, 0, 2, 0, 0, NULL, NULL, 1.0, 0, 0, 0)""");
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void aRangeGivesEveryRowByDayZoneAndCuisine() {
        Answer answer = httpGet(server, "/api/v1/kpis/daily?from=2025-03-01&to=2025-03-02");

        assertEquals(200, answer.status());
        assertJson("""
                {"from": "2025-03-01", "to": "2025-03-02", "zone": null, "cuisine": null, "rows": [%s, %s, %s]}"""
                .formatted(NORTH_PIZZA_MARCH_1, SOUTH_PIZZA_MARCH_1, NORTH_SUSHI_MARCH_2), answer.body());
    }

    @Test
    void aZoneKeepsOnlyItsRows() {
        Answer answer = httpGet(server, "/api/v1/kpis/daily?from=2025-03-01&to=2025-03-02&zone=north");

        assertEquals(200, answer.status());
        assertJson("""
                {"from": "2025-03-01", "to": "2025-03-02", "zone": "north", "cuisine": null, "rows": [%s, %s]}"""
                .formatted(NORTH_PIZZA_MARCH_1, NORTH_SUSHI_MARCH_2), answer.body());
    }

    @Test
    void aCuisineAndOneDayKeepOnlyTheirRows() {
        Answer answer = httpGet(server, "/api/v1/kpis/daily?from=2025-03-01&to=2025-03-01&cuisine=pizza&zone=south");

        assertEquals(200, answer.status());
        assertJson("""
                {"from": "2025-03-01", "to": "2025-03-01", "zone": "south", "cuisine": "pizza", "rows": [%s]}"""
                .formatted(SOUTH_PIZZA_MARCH_1), answer.body());
    }

    @Test
    void aMissingFromIs400NamingIt() {
        Answer answer = httpGet(server, "/api/v1/kpis/daily?to=2025-03-02");

        assertEquals(400, answer.status());
        assertJson("""
                {"status": 400, "error": "Bad Request", "field": "from", "reason": "is required"}""", answer.body());
    }

    @Test
    void aDateInAnotherFormatIs400SayingWhatAGoodOneLooksLike() {
        Answer answer = httpGet(server, "/api/v1/kpis/daily?from=01/03/2025&to=2025-03-02");

        assertEquals(400, answer.status());
        assertJson("""
                {"status": 400, "error": "Bad Request", "field": "from",
                 "reason": "must be a date like 2025-03-01 (YYYY-MM-DD)"}""", answer.body());
    }

    @Test
    void anImpossibleDateIs400() {
        Answer answer = httpGet(server, "/api/v1/kpis/daily?from=2025-03-01&to=2025-02-30");

        assertEquals(400, answer.status());
        assertEquals("to", TestApi.json(answer.body()).get("field").asText());
    }

    @Test
    void toBeforeFromIs400NamingTo() {
        Answer answer = httpGet(server, "/api/v1/kpis/daily?from=2025-03-02&to=2025-03-01");

        assertEquals(400, answer.status());
        assertJson("""
                {"status": 400, "error": "Bad Request", "field": "to", "reason": "must not be before from (2025-03-02)"}""",
                answer.body());
    }

    @Test
    void anEmptyZoneIs400RatherThanNoRows() {
        Answer answer = httpGet(server, "/api/v1/kpis/daily?from=2025-03-01&to=2025-03-02&zone=");

        assertEquals(400, answer.status());
        assertEquals("zone", TestApi.json(answer.body()).get("field").asText());
    }
}
