package dev.forkcast.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.simulator.truth.OrderTruth;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemandPatternTest {

    private static final int[] ordersByHour = new int[24];
    private static final int[] ordersByWeekday = new int[8];

    @BeforeAll
    static void simulateTwoWeeks() {
        for (OrderTruth order : SmallCity.run(SmallCity.config(14), 11).truth().orders) {
            ZonedDateTime placed = Instant.ofEpochMilli(order.placedAtMillis()).atZone(ZoneOffset.UTC);
            ordersByHour[placed.getHour()]++;
            ordersByWeekday[placed.getDayOfWeek().getValue()]++;
        }
    }

    @Test
    void lunchPeaksAboveTheMorningAndTheAfternoon() {
        int lunch = ordersByHour[12] + ordersByHour[13];

        int lateMorning = ordersByHour[10] + ordersByHour[11];
        int afternoon = ordersByHour[15] + ordersByHour[16];

        assertTrue(lunch > 1.5 * lateMorning, "lunch " + lunch + " vs late morning " + lateMorning);
        assertTrue(lunch > 1.5 * afternoon, "lunch " + lunch + " vs afternoon " + afternoon);
    }

    @Test
    void dinnerIsTheBusiestTimeOfDay() {
        int dinner = ordersByHour[18] + ordersByHour[19];

        int lunch = ordersByHour[12] + ordersByHour[13];

        assertTrue(dinner > 1.2 * lunch, "dinner " + dinner + " vs lunch " + lunch);
        assertTrue(ordersByHour[19] > 10 * ordersByHour[4], "19:00 vs 04:00");
    }

    @Test
    void fridaysAndSaturdaysAreBusierThanMondaysAndTuesdays() {
        int weekend = ordersByWeekday[DayOfWeek.FRIDAY.getValue()] + ordersByWeekday[DayOfWeek.SATURDAY.getValue()];

        int weekStart = ordersByWeekday[DayOfWeek.MONDAY.getValue()] + ordersByWeekday[DayOfWeek.TUESDAY.getValue()];

        // Configured multipliers are 1.20 + 1.25 against 0.85 + 0.85: a ratio of about 1.44.
        assertTrue(weekend > 1.25 * weekStart, "Fri+Sat " + weekend + " vs Mon+Tue " + weekStart);
    }
}
