package dev.forkcast.api.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forkcast.warehouse.features.DeliveryTimeHistory;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentHistoriesTest {

    private static final Instant MINUTE = Instant.parse("2026-03-09T18:30:00Z");

    /** Records every lookup and answers a history naming the restaurant's number and the instant's minute. */
    private final List<String> lookups = new ArrayList<>();
    private final CurrentHistories histories = new CurrentHistories((restaurant, at) -> {
        lookups.add(restaurant + "@" + at);
        return history(restaurant, at);
    });

    private static DeliveryTimeHistory history(String restaurant, Instant at) {
        return new DeliveryTimeHistory(52.0, 5.0, 12, 4, null, restaurant.length(), (int) (at.getEpochSecond() / 60 % 1000), 7,
                null);
    }

    @Test
    void anOrderPlacedNowIsEstimatedAsOfTheMinutesFirstInstant() {
        assertEquals(MINUTE, CurrentHistories.minuteOf(Instant.parse("2026-03-09T18:30:59.999Z")));
        assertEquals(MINUTE, CurrentHistories.minuteOf(MINUTE));
    }

    @Test
    void oneLookupPerRestaurantPerMinute() throws SQLException {
        DeliveryTimeHistory first = histories.asOf("r1", MINUTE);
        assertSame(first, histories.asOf("r1", MINUTE));
        histories.asOf("r22", MINUTE);
        histories.asOf("r22", MINUTE);
        assertEquals(List.of("r1@" + MINUTE, "r22@" + MINUTE), lookups);
        assertEquals(history("r1", MINUTE), first);
    }

    @Test
    void aNewMinuteLooksUpAgainAndALateRequestForTheOldOneIsNotServedFromTheNew() throws SQLException {
        Instant next = MINUTE.plusSeconds(60);
        histories.asOf("r1", MINUTE);
        DeliveryTimeHistory later = histories.asOf("r1", next);
        assertEquals(history("r1", next), later);
        // A request that began in the old minute: looked up as of its own minute, not taken from the new one.
        assertEquals(history("r1", MINUTE), histories.asOf("r1", MINUTE));
        assertSame(later, histories.asOf("r1", next));
        assertEquals(List.of("r1@" + MINUTE, "r1@" + next, "r1@" + MINUTE), lookups);
    }

    @Test
    void aFailedLookupIsNotKept() throws SQLException {
        int[] calls = {0};
        CurrentHistories flaky = new CurrentHistories((restaurant, at) -> {
            if (calls[0]++ == 0) {
                throw new SQLException("connection reset");
            }
            return history(restaurant, at);
        });
        assertThrows(SQLException.class, () -> flaky.asOf("r1", MINUTE));
        assertEquals(history("r1", MINUTE), flaky.asOf("r1", MINUTE));
        assertEquals(2, calls[0]);
    }

    @Test
    void beyondTheBoundLookupsAreMadeButNotKept() throws SQLException {
        for (int i = 0; i < CurrentHistories.MAX_ENTRIES; i++) {
            histories.asOf("r" + i, MINUTE);
        }
        histories.asOf("made-up", MINUTE);
        histories.asOf("made-up", MINUTE);
        assertEquals(CurrentHistories.MAX_ENTRIES + 2, lookups.size());
        histories.asOf("r0", MINUTE);
        assertEquals(CurrentHistories.MAX_ENTRIES + 2, lookups.size());
    }
}
