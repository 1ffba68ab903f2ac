package dev.forkcast.api.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmartBatchTest {

    /** Every batch the function was given; the first one waits until the test lets it finish. */
    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstBatchStarted = new CountDownLatch(1);
    private final CountDownLatch finishFirstBatch = new CountDownLatch(1);
    private final SmartBatch<Integer, Integer> timesTen = new SmartBatch<>(items -> {
        batches.add(items);
        if (batches.size() == 1) {
            firstBatchStarted.countDown();
            await(finishFirstBatch);
        }
        if (items.contains(-1)) {
            throw new IllegalArgumentException("no negative items");
        }
        return items.stream().map(i -> i * 10).toList();
    }, 64);
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void aLoneCallerIsABatchOfOne() {
        finishFirstBatch.countDown();

        assertEquals(70, timesTen.apply(7));

        assertEquals(List.of(List.of(7)), batches);
    }

    @Test
    void callersArrivingDuringABatchAreRunTogetherInTheNext() throws Exception {
        Future<Integer> first = callers.submit(() -> timesTen.apply(1));
        firstBatchStarted.await();

        Future<Integer> second = callers.submit(() -> timesTen.apply(2));
        Future<Integer> third = callers.submit(() -> timesTen.apply(3));
        ParkedThreads.await(SmartBatch.class, 3);
        finishFirstBatch.countDown();

        assertEquals(10, first.get());
        assertEquals(20, second.get());
        assertEquals(30, third.get());
        assertEquals(2, batches.size());
        assertEquals(Set.of(2, 3), Set.copyOf(batches.get(1)));
    }

    @Test
    void aFailingBatchFailsOnlyTheCallerWhoseItemBrokeIt() throws Exception {
        Future<Integer> first = callers.submit(() -> timesTen.apply(1));
        firstBatchStarted.await();

        Future<Integer> good = callers.submit(() -> timesTen.apply(2));
        Future<Integer> bad = callers.submit(() -> timesTen.apply(-1));
        ParkedThreads.await(SmartBatch.class, 3);
        finishFirstBatch.countDown();

        assertEquals(10, first.get());
        assertEquals(20, good.get());
        ExecutionException failed = assertThrows(ExecutionException.class, bad::get);
        assertEquals(IllegalArgumentException.class, failed.getCause().getClass());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
