package dev.forkcast.api.predictions;

import java.util.concurrent.CountDownLatch;

/**
 * A place inside code under test where one call stops until the test lets it go: the held code calls {@link #here},
 * the test waits with {@link #awaitHeld} until it is there, and {@link #release}s it (also safe to call when nothing
 * was held, so a test's clean-up can always release).
 */
final class Hold {

    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** Called by the held code: says it is here, then waits for the release. */
    void here() {
        held.countDown();
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while held", e);
        }
    }

    void awaitHeld() throws InterruptedException {
        held.await();
    }

    void release() {
        released.countDown();
    }
}
