package dev.forkcast.api.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesOfSmallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (int micros = 1; micros <= 100; micros++) {
            h.record(micros);
        }
        assertEquals(100, h.count());
        assertEquals(50, h.percentile(50));
        assertEquals(99, h.percentile(99));
        assertEquals(100, h.percentile(99.9));
        assertEquals(100, h.percentile(100));
        assertEquals(1, h.percentile(0.5));
    }

    @Test
    void theRankRoundsUpSoATailOfOneIsSeen() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < 999; i++) {
            h.record(200);
        }
        h.record(50_000);
        assertEquals(200, h.percentile(99.9));
        assertEquals(50_000, h.percentile(99.95));
    }

    @Test
    void largeValuesAreReadWithinTheirBucketNeverBelowTheTruth() {
        for (long micros : new long[] {1_024, 1_025, 2_047, 2_048, 9_999, 123_456, 7_654_321, 3_000_000_000L}) {
            LatencyHistogram h = new LatencyHistogram();
            h.record(micros);
            h.record(micros + 1);
            long p50 = h.percentile(50);
            assertTrue(p50 >= micros && p50 <= micros * 1.002 + 1, micros + " read as " + p50);
            // The maximum caps the bucket's upper bound.
            assertEquals(micros + 1, h.percentile(100));
        }
    }

    @Test
    void bucketsAreContiguousAndOrdered() {
        long previousHighest = -1;
        for (int index = 0; index < 5_000; index++) {
            long highest = LatencyHistogram.highestIn(index);
            assertTrue(highest > previousHighest, "bucket " + index);
            assertEquals(index, LatencyHistogram.index(highest), "the highest value of bucket " + index);
            assertEquals(index, LatencyHistogram.index(previousHighest + 1), "the lowest value of bucket " + index);
            previousHighest = highest;
        }
    }

    @Test
    void mergedHistogramsCountEverySample() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        for (int i = 0; i < 90; i++) {
            a.record(1_000);
        }
        for (int i = 0; i < 10; i++) {
            b.record(20_000);
        }
        a.add(b);
        assertEquals(100, a.count());
        assertEquals(20_000, a.max());
        assertEquals(1_000, a.percentile(90));
        assertTrue(a.percentile(91) >= 20_000);
    }

    @Test
    void nothingRecordedOrANonsensePercentileIsAnError() {
        LatencyHistogram h = new LatencyHistogram();
        assertThrows(IllegalStateException.class, () -> h.percentile(50));
        h.record(5);
        assertThrows(IllegalArgumentException.class, () -> h.percentile(0));
        assertThrows(IllegalArgumentException.class, () -> h.percentile(101));
        assertThrows(IllegalArgumentException.class, () -> h.record(-1));
    }
}
