package dev.forkcast.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forkcast.simulator.sink.SinkRecord;
import dev.forkcast.simulator.truth.OrderTruth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher plans from expectations and says so: what it publishes in {@code courier_assigned} is the
 * world's expected timeline, and it only offers jobs to couriers the platform has heard log in. These are
 * the promises that make the fleet knowable from the event stream (a clean city, so every event is there).
 */
class DispatchPlanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SmallCity.Run run;
    private static final Map<String, JsonNode> ASSIGNMENTS = new HashMap<>();
    private static final Map<String, List<JsonNode>> SHIFT_EVENTS = new HashMap<>();

    @BeforeAll
    static void simulateACleanCity() throws Exception {
        SimulationConfig clean = SmallCity.config(2)
                .with("dirt.duplicate_rate", "0").with("dirt.late_rate", "0").with("dirt.out_of_order_rate", "0")
                .with("dirt.missing_field_rate", "0").with("dirt.malformed_rate", "0").with("dirt.wrong_type_rate", "0")
                .with("dirt.clock_skew_rate", "0");
        run = SmallCity.run(clean, 23);
        for (SinkRecord record : run.sink().records) {
            JsonNode event = JSON.readTree(record.value());
            switch (event.path("event_type").asText()) {
                case "courier_assigned" -> ASSIGNMENTS.put(event.path("order_id").asText(), event);
                case "courier_shift_started", "courier_shift_ended" ->
                        SHIFT_EVENTS.computeIfAbsent(event.path("courier_id").asText(), id -> new ArrayList<>()).add(event);
                default -> { }
            }
        }
    }

    @Test
    void thePublishedDropOffIsTheWorldsExpectedDeliveryTime() {
        int checked = 0;
        for (OrderTruth order : run.truth().orders) {
            JsonNode assigned = ASSIGNMENTS.get(order.orderId());
            if (order.cancelled()) {
                assertTrue(assigned == null, order.orderId() + " was cancelled yet assigned");
                continue;
            }
            long dropOff = millis(assigned.path("payload").path("expected_dropoff_at").asText());

            double plannedMinutes = (dropOff - order.placedAtMillis()) / 60_000.0;

            assertEquals(order.expectedDeliveryMinutes(), plannedMinutes, 0.001, order.orderId());
            checked++;
        }
        assertTrue(checked > 1000, "only " + checked + " deliveries");
    }

    @Test
    void jobsAreOfferedOnlyBetweenACouriersLogInAndLogOff() {
        for (OrderTruth order : run.truth().orders) {
            JsonNode assigned = ASSIGNMENTS.get(order.orderId());
            if (assigned == null) {
                continue;
            }
            // Dispatch decides when the order is placed (the announcement follows seconds later).
            long at = order.placedAtMillis();
            String courier = assigned.path("courier_id").asText();

            String lastShiftEvent = null;
            for (JsonNode shift : SHIFT_EVENTS.getOrDefault(courier, List.of())) {
                if (millis(shift.path("event_time").asText()) <= at) {
                    lastShiftEvent = shift.path("event_type").asText();
                }
            }

            assertEquals("courier_shift_started", lastShiftEvent, courier + " got a job at " + Instant.ofEpochMilli(at));
        }
    }

    @Test
    void aJobIsAnnouncedSecondsAfterPlacementSoTheNextOrderSeesTheCourierTaken() {
        Map<String, Long> placedAt = new HashMap<>();
        for (OrderTruth order : run.truth().orders) {
            placedAt.put(order.orderId(), order.placedAtMillis());
        }
        for (Map.Entry<String, JsonNode> entry : ASSIGNMENTS.entrySet()) {
            long after = millis(entry.getValue().path("event_time").asText()) - placedAt.get(entry.getKey());

            assertTrue(after >= 0 && after <= 10_000, entry.getKey() + " assigned " + after + " ms after placement");
        }
    }

    private static long millis(String timestamp) {
        return Instant.parse(timestamp).toEpochMilli();
    }
}
