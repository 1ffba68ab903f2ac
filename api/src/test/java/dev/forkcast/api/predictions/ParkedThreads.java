package dev.forkcast.api.predictions;

/** For tests of classes that make concurrent callers wait: until enough of an executor's threads wait inside them. */
final class ParkedThreads {

    private ParkedThreads() {
    }

    /**
     * Until {@code threads} threads of an {@code Executors} pool are in state WAITING with a frame of {@code owner}
     * on their stack (the first running the shared work, the others queued behind it).
     */
    static void await(Class<?> owner, int threads) {
        while (Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("pool-") && t.getState() == Thread.State.WAITING
                        && isInside(t, owner)).count() < threads) {
            Thread.onSpinWait();
        }
    }

    private static boolean isInside(Thread t, Class<?> owner) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().equals(owner.getName())) {
                return true;
            }
        }
        return false;
    }
}
