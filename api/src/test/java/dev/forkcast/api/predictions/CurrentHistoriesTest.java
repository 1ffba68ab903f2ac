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

    /**
     * Records every fleet replay ("fleet@minute") and restaurant lookup ("r1@minute"); a "fleet" here is its instant,
     * so each lookup says which replay it was given, and the history names the restaurant and that minute.
     */
    private final List<String> lookups = new ArrayList<>();
    private final CurrentHistories<Instant> histories = new CurrentHistories<>(new CurrentHistories.Source<>() {
        @Override
        public Instant fleetAt(Instant at) {
            lookups.add("fleet@" + at);
            return at;
        }

        @Override
        public DeliveryTimeHistory asOf(String restaurantId, Instant fleet) {
            lookups.add(restaurantId + "@" + fleet);
            return history(restaurantId, fleet);
        }
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
    void oneFleetReplayPerMinuteSharedByEveryRestaurantAndOneLookupPerRestaurant() throws SQLException {
        DeliveryTimeHistory first = histories.asOf("r1", MINUTE);
        assertSame(first, histories.asOf("r1", MINUTE));
        histories.asOf("r22", MINUTE);
        histories.asOf("r22", MINUTE);
        assertEquals(List.of("fleet@" + MINUTE, "r1@" + MINUTE, "r22@" + MINUTE), lookups);
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
        assertEquals(List.of("fleet@" + MINUTE, "r1@" + MINUTE, "fleet@" + next, "r1@" + next, "fleet@" + MINUTE,
                "r1@" + MINUTE), lookups);
    }

    @Test
    void aFailedLookupIsNotKept() throws SQLException {
        CurrentHistories<Instant> flaky = new CurrentHistories<>(new FailingOnce(false));

        assertThrows(SQLException.class, () -> flaky.asOf("r1", MINUTE));

        assertEquals(history("r1", MINUTE), flaky.asOf("r1", MINUTE));
    }

    @Test
    void aFailedFleetReplayIsNotKept() throws SQLException {
        FailingOnce source = new FailingOnce(true);
        CurrentHistories<Instant> flaky = new CurrentHistories<>(source);

        assertThrows(SQLException.class, () -> flaky.asOf("r1", MINUTE));

        assertEquals(history("r1", MINUTE), flaky.asOf("r1", MINUTE));
        assertEquals(2, source.replays);
    }

    @Test
    void beyondTheBoundLookupsAreMadeButNotKept() throws SQLException {
        for (int i = 0; i < CurrentHistories.MAX_ENTRIES; i++) {
            histories.asOf("r" + i, MINUTE);
        }
        histories.asOf("made-up", MINUTE);
        histories.asOf("made-up", MINUTE);
        // One fleet replay, then a lookup per restaurant kept and two for the one beyond the bound.
        assertEquals(1 + CurrentHistories.MAX_ENTRIES + 2, lookups.size());
        histories.asOf("r0", MINUTE);
        assertEquals(1 + CurrentHistories.MAX_ENTRIES + 2, lookups.size());
    }

    /** A source whose first fleet replay (or first restaurant lookup) fails, as a dropped connection would. */
    private static final class FailingOnce implements CurrentHistories.Source<Instant> {
        private final boolean replayFails;
        int replays;
        int lookups;

        FailingOnce(boolean replayFails) {
            this.replayFails = replayFails;
        }

        @Override
        public Instant fleetAt(Instant at) throws SQLException {
            if (replayFails && replays++ == 0) {
                throw new SQLException("connection reset");
            }
            return at;
        }

        @Override
        public DeliveryTimeHistory asOf(String restaurantId, Instant fleet) throws SQLException {
            if (!replayFails && lookups++ == 0) {
                throw new SQLException("connection reset");
            }
            return history(restaurantId, fleet);
        }
    }
}
