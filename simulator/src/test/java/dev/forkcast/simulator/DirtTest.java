package dev.forkcast.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forkcast.events.Topic;
import dev.forkcast.simulator.dirt.DirtKind;
import dev.forkcast.simulator.sink.SinkRecord;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the dirt both ways: the simulator's own counts against the config, and against what a consumer sees. */
class DirtTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SmallCity.Run run;

    @BeforeAll
    static void simulateAFilthyCity() {
        SimulationConfig filthy = SmallCity.config(2)
                .with("dirt.duplicate_rate", "0.05").with("dirt.late_rate", "0.03")
                .with("dirt.out_of_order_rate", "0.06").with("dirt.missing_field_rate", "0.1")
                .with("dirt.malformed_rate", "0.02").with("dirt.wrong_type_rate", "0.02")
                .with("dirt.clock_skew_rate", "0.08");
        run = SmallCity.run(filthy, 17);
    }

    @Test
    void eachKindOfDirtIsInjectedAtItsConfiguredRate() {
        SimulationStats stats = run.stats();
        double originals = stats.events();

        assertEquals(0.05, stats.dirt(DirtKind.DUPLICATE) / originals, 0.005);
        assertEquals(0.03, stats.dirt(DirtKind.LATE) / originals, 0.004);
        assertEquals(0.06, stats.dirt(DirtKind.OUT_OF_ORDER) / originals, 0.005);
        assertEquals(0.02, stats.dirt(DirtKind.MALFORMED) / originals, 0.003);
        assertEquals(0.02, stats.dirt(DirtKind.WRONG_TYPE) / originals, 0.003);
        assertEquals(0.08, stats.dirt(DirtKind.CLOCK_SKEW) / (double) stats.deviceEvents(), 0.006);
    }

    @Test
    void aConsumerSeesExactlyTheDuplicatesAndBrokenRecordsThatWereCounted() {
        Set<String> seenValues = new HashSet<>();
        long exactRepeats = 0;
        long unparseable = 0;
        for (SinkRecord record : run.sink().records) {
            if (parseOrNull(record.value()) == null) {
                unparseable++;
            } else if (!seenValues.add(record.value())) {
                exactRepeats++;
            }
        }

        assertEquals(run.stats().dirt(DirtKind.MALFORMED), unparseable);
        assertEquals(run.stats().dirt(DirtKind.DUPLICATE), exactRepeats);
    }

    @Test
    void lateRecordsArriveAtLeastTwentyMinutesAfterTheyHappened() throws Exception {
        long veryLate = 0;
        for (SinkRecord record : run.sink().records) {
            JsonNode node = parseOrNull(record.value());
            if (node == null || !node.path("event_time").isTextual() || node.path("event_type").asText().equals("customer_signed_up")
                    || node.path("event_type").asText().equals("restaurant_joined")
                    || node.path("event_type").asText().equals("courier_joined")) {
                continue;
            }
            long happened = Instant.parse(node.get("event_time").asText()).toEpochMilli();
            // Clock skew moves event_time by at most 15 minutes, so 35 minutes of delay is always "late".
            if (record.arrivalMillis() - happened > 35 * 60_000L) {
                veryLate++;
            }
        }

        long late = run.stats().dirt(DirtKind.LATE);
        assertTrue(veryLate <= late + run.stats().dirt(DirtKind.DUPLICATE), veryLate + " very late vs " + late);
        assertTrue(veryLate > 0.8 * late, veryLate + " very late vs " + late + " injected");
    }

    @Test
    void missingOptionalFieldsAreCountedWhereTheyHappen() {
        long ordersWithoutWeatherOrPlatform = run.sink().records.stream()
                .filter(r -> r.topic() == Topic.ORDERS)
                .map(r -> parseOrNull(r.value()))
                .filter(n -> n != null && n.path("event_type").asText().equals("order_placed") && isWellTyped(n))
                .filter(n -> !n.get("payload").has("weather") || !n.get("payload").has("platform"))
                .map(n -> n.get("event_id").asText())
                .distinct()
                .count();

        assertTrue(ordersWithoutWeatherOrPlatform > 0);
        assertTrue(run.stats().dirt(DirtKind.MISSING_FIELD, Topic.ORDERS) >= ordersWithoutWeatherOrPlatform);
    }

    private static boolean isWellTyped(JsonNode node) {
        return node.path("schema_version").isInt() && node.path("event_time").isTextual()
                && node.path("event_id").isTextual();
    }

    private static JsonNode parseOrNull(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }
}
