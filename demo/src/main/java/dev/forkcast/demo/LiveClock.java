package dev.forkcast.demo;

import dev.forkcast.simulator.sink.EventSink;
import dev.forkcast.simulator.sink.SinkRecord;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns one simulator run into a history and then a live city. Records that reach the platform before
 * {@code liveFromMillis} (simulated time) pass straight through: the history, as fast as the simulator goes. At
 * the first record at or after it the clock stops the city: the history is complete ({@link #awaitHistory}
 * returns) and the city waits, so the history can be landed, transformed and learned from while nothing new
 * arrives. After {@link #goLive()} each record is held until the wall clock reaches its arrival time, scaled by
 * {@code speedup} (60 = one simulated hour per real minute).
 *
 * <pre>
 * simulated time ──────────────── history ───────────────┬─────────────── live ──────────────────▶
 *                 as fast as possible                    │ waits for goLive()  then paced: wall = (t - liveFrom) / speedup
 * </pre>
 *
 * <p>Why pace in a sink rather than in the simulator: the simulator's own pacing ({@code clock.speedup}) holds
 * for a whole run, and the demo needs one run (one city, one stream of order ids, one fraud calibration) that is
 * first a history and then live. The sink sees every record's arrival time, which is all pacing needs.
 */
public final class LiveClock implements EventSink {

    /** The wall clock and the sleeping, replaceable so a test can run the clock without waiting. */
    public interface WallClock {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;

        WallClock SYSTEM = new WallClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        };
    }

    /** Thrown into the simulator's thread when the demo stops: it ends the run without sending anything more. */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("the live city was stopped");
        }
    }

    private final EventSink delegate;
    private final long liveFromMillis;
    private final double speedup;
    private final Runnable atHistoryEnd;
    private final WallClock wall;
    private final CountDownLatch historyComplete = new CountDownLatch(1);
    private final CountDownLatch live = new CountDownLatch(1);
    private volatile boolean stopped;
    private volatile long lastArrivalMillis = Long.MIN_VALUE;
    private boolean pastHistory;
    private long liveStartedNanos;

    /**
     * @param atHistoryEnd runs on the simulator's thread once the last history record was handed over and
     *                     flushed (the demo flushes the ground truth there)
     */
    public LiveClock(EventSink delegate, long liveFromMillis, double speedup, Runnable atHistoryEnd, WallClock wall) {
        if (!(speedup > 0)) {
            throw new IllegalArgumentException("the live speed-up must be positive, got " + speedup);
        }
        this.delegate = delegate;
        this.liveFromMillis = liveFromMillis;
        this.speedup = speedup;
        this.atHistoryEnd = atHistoryEnd;
        this.wall = wall;
    }

    @Override
    public void send(SinkRecord record) {
        if (stopped) {
            throw new Stopped();
        }
        if (record.arrivalMillis() >= liveFromMillis) {
            if (!pastHistory) {
                endHistory();
            }
            waitUntilDue(record.arrivalMillis());
        }
        delegate.send(record);
        lastArrivalMillis = record.arrivalMillis();
    }

    /** The simulated arrival time of the last record handed on: the city's clock as the platform sees it. */
    public long lastArrivalMillis() {
        return lastArrivalMillis;
    }

    /** Wall-clock nanoseconds after going live at which a record arriving at {@code arrivalMillis} is due. */
    static long dueNanosAfterLive(long arrivalMillis, long liveFromMillis, double speedup) {
        return (long) ((arrivalMillis - liveFromMillis) * 1_000_000L / speedup);
    }

    /** Waits until the whole history has been handed over (true), or {@code timeout} passed (false). */
    public boolean awaitHistory(long timeout, TimeUnit unit) throws InterruptedException {
        return historyComplete.await(timeout, unit);
    }

    public boolean historyComplete() {
        return historyComplete.getCount() == 0;
    }

    /** Lets the city run on, paced, from where the history ended. */
    public void goLive() {
        live.countDown();
    }

    /** Makes the next {@link #send} (or the one waiting) throw {@link Stopped}; the caller also interrupts the thread. */
    public void stop() {
        stopped = true;
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private void endHistory() {
        pastHistory = true;
        delegate.flush();
        atHistoryEnd.run();
        historyComplete.countDown();
        try {
            live.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
        if (stopped) {
            throw new Stopped();
        }
        liveStartedNanos = wall.nanoTime();
    }

    private void waitUntilDue(long arrivalMillis) {
        long wait = liveStartedNanos + dueNanosAfterLive(arrivalMillis, liveFromMillis, speedup) - wall.nanoTime();
        if (wait <= 0) {
            return;
        }
        // What was sent so far goes out now, not when the producer's batch fills: live means visible at once.
        delegate.flush();
        try {
            wall.sleepNanos(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
        if (stopped) {
            throw new Stopped();
        }
    }
}
