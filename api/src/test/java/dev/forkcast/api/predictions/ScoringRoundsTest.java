package dev.forkcast.api.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScoringRoundsTest {

    /** Champion read n answers "vn"; the first read waits until the test lets it finish. */
    private final AtomicInteger reads = new AtomicInteger();
    private final Hold firstRead = new Hold();
    /** Every round's rows (as their first values), in the order scored. */
    private final List<List<Object>> rounds = Collections.synchronizedList(new ArrayList<>());
    private final ScoringRounds<String, String> scoring = new ScoringRounds<>("test-scoring", () -> {
        int n = reads.incrementAndGet();
        if (n == 1) {
            firstRead.here();
        }
        return "v" + n;
    }, (version, rows) -> {
        rounds.add(rows.stream().map(r -> r[0]).toList());
        if (rows.stream().anyMatch(r -> r[0].equals(-1))) {
            throw new IllegalArgumentException("no negative rows");
        }
        return rows.stream().map(r -> version + ":" + r[0]).toList();
    });

    @AfterEach
    void stop() throws InterruptedException {
        firstRead.release();
        scoring.close();
    }

    @Test
    void aLoneRowIsReadForAndScoredAtOnce() throws Exception {
        firstRead.release();

        assertEquals("v1:7", scoring.score(row(7)).get());

        assertEquals(List.of(List.of(7)), rounds);
    }

    @Test
    void rowsArrivingDuringARoundShareTheNextReadAndScoring() throws Exception {
        CompletableFuture<String> first = scoring.score(row(1));
        firstRead.awaitHeld();

        CompletableFuture<String> second = scoring.score(row(2));
        CompletableFuture<String> third = scoring.score(row(3));
        firstRead.release();

        assertEquals("v1:1", first.get());
        // Their champion read started after they arrived: the second read, not the one in flight when they came.
        assertEquals("v2:2", second.get());
        assertEquals("v2:3", third.get());
        assertEquals(List.of(List.of(1), List.of(2, 3)), rounds);
        assertEquals(2, reads.get());
    }

    @Test
    void aFailingRowFailsOnlyItsCaller() throws Exception {
        CompletableFuture<String> first = scoring.score(row(1));
        firstRead.awaitHeld();

        CompletableFuture<String> good = scoring.score(row(2));
        CompletableFuture<String> bad = scoring.score(row(-1));
        firstRead.release();

        assertEquals("v1:1", first.get());
        assertEquals("v2:2", good.get());
        ExecutionException failed = assertThrows(ExecutionException.class, bad::get);
        assertInstanceOf(IllegalArgumentException.class, failed.getCause());
    }

    @Test
    void aFailedChampionReadFailsTheRound() throws Exception {
        try (ScoringRounds<String, String> broken = new ScoringRounds<>("test-broken", () -> {
            throw new SQLException("no warehouse");
        }, (version, rows) -> rows.stream().map(r -> version).toList())) {
            ExecutionException failed = assertThrows(ExecutionException.class, () -> broken.score(row(1)).get());
            assertInstanceOf(SQLException.class, failed.getCause());
        }
    }

    @Test
    void theNextRoundsReadRunsWhileARoundIsStillBeingScored() throws Exception {
        try (FirstRoundHeld held = new FirstRoundHeld("test-overlap")) {
            // Round 1 is held inside its scoring; round 2's champion read still happens.
            List<CompletableFuture<Integer>> firstTwo = held.holdRoundOneAndReadRoundTwo(
                    "round 2's read waited for round 1's scoring");
            held.firstScoring.release();

            assertEquals(1, firstTwo.get(0).get());
            assertEquals(2, firstTwo.get(1).get());
        }
    }

    @Test
    void whileOneRoundIsScoredAndTheNextIsReadNewRowsGatherIntoOneRound() throws Exception {
        try (FirstRoundHeld held = new FirstRoundHeld("test-busy")) {
            List<CompletableFuture<Integer>> firstTwo = held.holdRoundOneAndReadRoundTwo(
                    "round 2 is read while round 1 is scored");

            // Round 1 being scored, round 2 read and waiting: rows 3 and 4 are not read for yet.
            CompletableFuture<Integer> third = held.rounds.score(row(3));
            CompletableFuture<Integer> fourth = held.rounds.score(row(4));
            Thread.sleep(200);
            assertEquals(2, held.versions.get(), "a third round was read while two were waiting to be scored");
            held.firstScoring.release();

            assertEquals(List.of(1, 2, 3, 3),
                    List.of(firstTwo.get(0).get(), firstTwo.get(1).get(), third.get(), fourth.get()));
            assertEquals(List.of(List.of(1), List.of(2), List.of(3, 4)), held.scored);
        }
    }

    /** Rounds whose champion read n answers n, and whose first round stays inside its scoring until released. */
    private static final class FirstRoundHeld implements AutoCloseable {
        final Hold firstScoring = new Hold();
        final AtomicInteger versions = new AtomicInteger();
        /** Every round's rows (as their first values), in the order scored. */
        final List<List<Object>> scored = Collections.synchronizedList(new ArrayList<>());
        final ScoringRounds<Integer, Integer> rounds;

        FirstRoundHeld(String name) {
            rounds = new ScoringRounds<>(name, versions::incrementAndGet, (version, rows) -> {
                scored.add(rows.stream().map(r -> r[0]).toList());
                if (version == 1) {
                    firstScoring.here();
                }
                return rows.stream().map(r -> version).toList();
            });
        }

        /** Row 1's round held inside its scoring and row 2's round read: the two rows' futures. */
        List<CompletableFuture<Integer>> holdRoundOneAndReadRoundTwo(String message) throws InterruptedException {
            CompletableFuture<Integer> first = rounds.score(row(1));
            firstScoring.awaitHeld();
            CompletableFuture<Integer> second = rounds.score(row(2));
            // The deadline only keeps a broken build from hanging.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (versions.get() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(2, versions.get(), message);
            return List.of(first, second);
        }

        @Override
        public void close() throws InterruptedException {
            firstScoring.release();
            rounds.close();
        }
    }

    private static Object[] row(Object... values) {
        return Arrays.copyOf(values, values.length);
    }
}
