package dev.forkcast.pipeline.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The city-wide features across the day boundaries their timeline is split at. */
class FleetLoadTest {

    private static History city() {
        return new History().restaurant("r1", 52.090, 5.120, 15, 4);
    }

    @Test
    void placementsJustBeforeMidnightCountForAnOrderJustAfterIt() {
        History history = city();
        history.order("at-23-45", "r1", "c2", Instant.parse("2026-03-03T23:45:00Z"));
        history.order("at-23-39", "r1", "c2", Instant.parse("2026-03-03T23:39:59.999Z"));
        history.order("at-00-05", "r1", "c2", Instant.parse("2026-03-04T00:05:00Z"));
        history.order("o1", "r1", "c1", Instant.parse("2026-03-04T00:10:00Z"));

        Row o1 = history.deliveryTime().get("o1");

        assertEquals(2, (int) o1.getAs("fleet_orders_last_30m"));
        assertEquals(2, (int) o1.getAs("restaurant_orders_last_30m"));
    }

    @Test
    void theShiftBalanceCarriesOverMidnightAndDaysWithoutShifts() {
        History history = city()
                .shiftStarted("k1", Instant.parse("2026-03-01T08:00:00Z"))
                .shiftStarted("k2", Instant.parse("2026-03-01T09:00:00Z"))
                .shiftEnded("k1", Instant.parse("2026-03-03T10:00:00Z"));
        history.order("before-any-shift", "r1", "c1", Instant.parse("2026-02-28T12:00:00Z"));
        history.order("day-without-shifts", "r1", "c1", Instant.parse("2026-03-02T12:00:00Z"));
        history.order("after-the-end", "r1", "c1", Instant.parse("2026-03-03T12:00:00Z"));
        history.order("a-week-later", "r1", "c1", Instant.parse("2026-03-10T12:00:00Z"));

        Map<String, Row> features = history.deliveryTime();

        assertEquals(0, (int) features.get("before-any-shift").getAs("couriers_on_shift"));
        assertEquals(2, (int) features.get("day-without-shifts").getAs("couriers_on_shift"));
        assertEquals(1, (int) features.get("after-the-end").getAs("couriers_on_shift"));
        assertEquals(1, (int) features.get("a-week-later").getAs("couriers_on_shift"));
    }
}
