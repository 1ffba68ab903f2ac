package dev.forkcast.api.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FreshReadTest {

    /** Read n answers n; the first read waits until the test lets it finish. */
    private final AtomicInteger reads = new AtomicInteger();
    private final Hold firstRead = new Hold();
    private final FreshRead<Integer> read = new FreshRead<>(() -> {
        int n = reads.incrementAndGet();
        if (n == 1) {
            firstRead.here();
        }
        return n;
    }, 0, Pace.Clock.SYSTEM);
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void anIdleCallerReadsAtOnce() throws Exception {
        firstRead.release();

        assertEquals(1, read.get());
        assertEquals(2, read.get());
    }

    @Test
    void aCallerArrivingDuringAReadIsAnsweredByTheNextOne() throws Exception {
        Future<Integer> first = callers.submit(read::get);
        firstRead.awaitHeld();

        Future<Integer> late = callers.submit(read::get);
        ParkedThreads.await(FreshRead.class, 2);
        firstRead.release();

        assertEquals(1, first.get());
        assertEquals(2, late.get());
    }

    @Test
    void callersArrivingDuringOneReadShareOneNextRead() throws Exception {
        Future<Integer> first = callers.submit(read::get);
        firstRead.awaitHeld();

        Future<Integer> second = callers.submit(read::get);
        Future<Integer> third = callers.submit(read::get);
        ParkedThreads.await(FreshRead.class, 3);
        firstRead.release();

        assertEquals(1, first.get());
        assertEquals(2, second.get());
        assertEquals(2, third.get());
        assertEquals(2, reads.get());
    }

    @Test
    void aReadStartsNoSoonerThanThePaceAfterThePreviousOne() throws Exception {
        HandClock clock = new HandClock(null);
        AtomicInteger paced = new AtomicInteger();
        FreshRead<Integer> pacedRead = new FreshRead<>(paced::incrementAndGet, 1_000_000, clock);

        assertEquals(1, pacedRead.get());
        clock.now.addAndGet(300_000);
        assertEquals(2, pacedRead.get());

        assertEquals(List.of(700_000L), clock.sleeps);
    }

    @Test
    void anIdleCallerAfterThePaceReadsWithoutWaiting() throws Exception {
        HandClock clock = new HandClock(null);
        AtomicInteger paced = new AtomicInteger();
        FreshRead<Integer> pacedRead = new FreshRead<>(paced::incrementAndGet, 1_000_000, clock);

        assertEquals(1, pacedRead.get());
        clock.now.addAndGet(5_000_000);
        assertEquals(2, pacedRead.get());

        assertEquals(List.of(), clock.sleeps);
    }

    @Test
    void callersArrivingWhileARoundWaitsForThePaceShareItsRead() throws Exception {
        CountDownLatch paceOver = new CountDownLatch(1);
        HandClock clock = new HandClock(paceOver);
        AtomicInteger paced = new AtomicInteger();
        FreshRead<Integer> pacedRead = new FreshRead<>(paced::incrementAndGet, 1_000_000, clock);
        assertEquals(1, pacedRead.get());

        Future<Integer> second = callers.submit(pacedRead::get);
        ParkedThreads.await(FreshRead.class, 1);
        Future<Integer> third = callers.submit(pacedRead::get);
        ParkedThreads.await(FreshRead.class, 2);
        paceOver.countDown();

        assertEquals(2, second.get());
        assertEquals(2, third.get());
        assertEquals(2, paced.get());
    }
}
