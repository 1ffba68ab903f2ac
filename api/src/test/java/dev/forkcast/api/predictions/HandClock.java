package dev.forkcast.api.predictions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** Time moved by the test; a sleep is recorded, waits for {@code release} when given, and moves time on. */
final class HandClock implements Pace.Clock {
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final List<Long> sleeps = new CopyOnWriteArrayList<>();
    private final CountDownLatch release;

    HandClock(CountDownLatch release) {
        this.release = release;
    }

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleepNanos(long nanos) throws InterruptedException {
        sleeps.add(nanos);
        if (release != null) {
            release.await();
        }
        now.addAndGet(nanos);
    }
}
