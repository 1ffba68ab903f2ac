package dev.forkcast.ingestion.landing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LanderShareTest {

    @Test
    void oneLanderOwnsEveryPartition() {
        assertTrue(LanderShare.ALL.owns(new TopicPartition("forkcast.orders", 0)));
        assertTrue(LanderShare.ALL.owns(new TopicPartition("forkcast.orders", 2)));
    }

    @Test
    void twoLandersSplitThePartitionsWithoutOverlap() {
        LanderShare first = LanderShare.parse("1/2");
        LanderShare second = LanderShare.parse("2/2");

        for (int p = 0; p < 6; p++) {
            TopicPartition tp = new TopicPartition("forkcast.couriers", p);
            assertTrue(first.owns(tp) ^ second.owns(tp), "partition " + p + " has exactly one owner");
        }
        assertFalse(first.owns(new TopicPartition("forkcast.couriers", 1)));
    }

    @Test
    void aShareOutsideItsRangeIsRefusedWithTheExpectedForm() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> LanderShare.parse("3/2"));

        assertEquals("a lander share is i/n with 1 <= i <= n, got 3/2", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LanderShare.parse("half"));
    }
}
