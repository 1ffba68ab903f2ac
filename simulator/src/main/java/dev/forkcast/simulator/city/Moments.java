package dev.forkcast.simulator.city;

import java.util.Arrays;

/**
 * The instants at which something happened to one entity (a signup on a device, a refund request by a
 * customer), recorded as the simulator decides them, which is not always in time order. Asking "how
 * many by then?" is how the simulator keeps what the platform could know at a moment point-in-time.
 */
final class Moments {

    private long[] times = new long[0];

    void add(long atMillis) {
        times = Arrays.copyOf(times, times.length + 1);
        times[times.length - 1] = atMillis;
    }

    /** How many happened at or before {@code nowMillis}. */
    int countUpTo(long nowMillis) {
        int count = 0;
        for (long t : times) {
            if (t <= nowMillis) {
                count++;
            }
        }
        return count;
    }
}
