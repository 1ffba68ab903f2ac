package dev.forkcast.api.predictions;

import java.util.concurrent.TimeUnit;

/**
 * The least time between the starts of two rounds of champion reads, for {@link FreshRead}: a round waits its
 * {@link #turn} before it closes, and records its {@link #start}.
 * The first round starts at once, and so does a round after a quiet spell: the pace only ever delays a read that
 * would follow another one too closely.
 */
final class Pace {

    /** Time as the pacing sees it: the JVM's clock in production, a hand-moved one in tests. */
    interface Clock {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;

        Clock SYSTEM = new Clock() {
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

    private final long nanos;
    private final Clock clock;
    private long lastStart;
    private boolean started;

    /** @param nanos the least time between two starts */
    Pace(long nanos, Clock clock) {
        this.nanos = nanos;
        this.clock = clock;
    }

    /** Sleeps until at least the pace has passed since the last start. */
    void turn() throws InterruptedException {
        long wait;
        synchronized (this) {
            wait = started ? lastStart + nanos - clock.nanoTime() : 0;
        }
        if (wait > 0) {
            clock.sleepNanos(wait);
        }
    }

    /** A round starts now. */
    synchronized void start() {
        started = true;
        lastStart = clock.nanoTime();
    }
}
