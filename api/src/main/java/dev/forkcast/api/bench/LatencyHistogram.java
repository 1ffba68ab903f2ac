package dev.forkcast.api.bench;

/**
 * Latencies in microseconds, counted in log-linear buckets: exact below 1,024 µs, then 512 buckets per power of two
 * (each at most 0.2% wide), so a percentile is read with that precision from a fixed array of about 17,000 counters
 * whatever the number of samples. One per generator thread (not thread-safe); {@link #add} merges them.
 */
final class LatencyHistogram {

    private static final int EXACT = 1024;
    private static final int HALF = EXACT / 2;
    /** Enough buckets for 2^62 µs; recording never allocates. */
    private static final int BUCKETS = EXACT + 53 * HALF;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;

    void record(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("a latency cannot be negative: " + micros);
        }
        counts[index(micros)]++;
        total++;
        max = Math.max(max, micros);
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    long count() {
        return total;
    }

    long max() {
        return max;
    }

    /**
     * The smallest recorded latency such that at least {@code percentile}% of the samples are no larger, read as the
     * highest value of its bucket (never below the true value, at most 0.2% above it) and never above the maximum.
     *
     * @throws IllegalStateException when nothing was recorded
     */
    long percentile(double percentile) {
        if (percentile <= 0 || percentile > 100) {
            throw new IllegalArgumentException("a percentile is in (0, 100]: " + percentile);
        }
        if (total == 0) {
            throw new IllegalStateException("no latencies recorded");
        }
        // percentile x total first: 99.9 / 100 x 1000 is 999.0000000000001 in doubles, which would round up to 1000.
        long rank = Math.max(1, (long) Math.ceil(percentile * total / 100 - 1e-9));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(highestIn(i), max);
            }
        }
        return max;
    }

    static int index(long micros) {
        if (micros < EXACT) {
            return (int) micros;
        }
        int shift = 63 - Long.numberOfLeadingZeros(micros) - 9; // micros >> shift is in [512, 1023]
        return EXACT + (shift - 1) * HALF + (int) ((micros >> shift) - HALF);
    }

    static long highestIn(int index) {
        if (index < EXACT) {
            return index;
        }
        int shift = (index - EXACT) / HALF + 1;
        long sub = (index - EXACT) % HALF + HALF;
        return ((sub + 1) << shift) - 1;
    }
}
