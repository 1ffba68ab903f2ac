package dev.forkcast.ingestion.landing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LandingBatchTest {

    private static final TopicPartition ORDERS_0 = new TopicPartition("forkcast.orders", 0);
    private static final TopicPartition ORDERS_1 = new TopicPartition("forkcast.orders", 1);
    private static final TopicPartition COURIERS_0 = new TopicPartition("forkcast.couriers", 0);

    private final LandingBatch batch = new LandingBatch();

    @Test
    void theNextOffsetOfAPartitionIsItsLastOffsetPlusOne() {
        batch.add(row(ORDERS_0, 5));
        batch.add(row(ORDERS_0, 6));

        batch.add(row(ORDERS_0, 7));

        assertEquals(Map.of(ORDERS_0, 8L), batch.nextOffsets());
    }

    @Test
    void theNextOffsetFollowsTheHighestOffsetEvenWhenALowerOneIsAddedLater() {
        batch.add(row(ORDERS_0, 9));

        batch.add(row(ORDERS_0, 4));

        assertEquals(Map.of(ORDERS_0, 10L), batch.nextOffsets());
    }

    @Test
    void rowsAndDeadLettersOfOnePartitionMoveOneOffsetTogether() {
        batch.add(row(ORDERS_0, 10));
        batch.add(deadLetter(ORDERS_0, 11));
        batch.add(deadLetter(COURIERS_0, 3));

        batch.add(row(COURIERS_0, 2));

        assertEquals(Map.of(ORDERS_0, 12L, COURIERS_0, 4L), batch.nextOffsets());
    }

    @Test
    void eachPartitionKeepsItsOwnNextOffset() {
        batch.add(row(ORDERS_0, 3));
        batch.add(row(ORDERS_1, 7));

        batch.add(row(COURIERS_0, 0));

        assertEquals(Map.of(ORDERS_0, 4L, ORDERS_1, 8L, COURIERS_0, 1L), batch.nextOffsets());
    }

    @Test
    void aNewBatchIsEmptyAndHasNoOffsets() {
        LandingBatch fresh = new LandingBatch();

        int size = fresh.size();

        assertEquals(0, size);
        assertTrue(fresh.isEmpty());
        assertEquals(Map.of(), fresh.nextOffsets());
        assertEquals(0, fresh.ageNanos(System.nanoTime()));
    }

    @Test
    void theSizeCountsRowsAndDeadLettersTogether() {
        batch.add(row(ORDERS_0, 0));
        batch.add(row(ORDERS_0, 1));

        batch.add(deadLetter(ORDERS_1, 0));

        assertEquals(3, batch.size());
        assertFalse(batch.isEmpty());
    }

    @Test
    void aBatchOfOnlyDeadLettersIsNotEmpty() {
        batch.add(deadLetter(ORDERS_0, 0));

        boolean empty = batch.isEmpty();

        assertFalse(empty);
        assertEquals(1, batch.size());
    }

    @Test
    void theBatchAgesFromItsFirstRecordNotItsLatest() throws InterruptedException {
        long beforeFirst = System.nanoTime();
        batch.add(row(ORDERS_0, 0));
        long afterFirst = System.nanoTime();
        Thread.sleep(5);

        batch.add(row(ORDERS_0, 1));

        long now = afterFirst + 1_000_000_000L;
        long age = batch.ageNanos(now);
        assertTrue(age >= now - afterFirst && age <= now - beforeFirst,
                "age " + age + " should be measured from the first record, between " + (now - afterFirst) + " and "
                        + (now - beforeFirst));
    }

    @Test
    void clearForgetsRowsDeadLettersAndOffsets() {
        batch.add(row(ORDERS_0, 10));
        batch.add(deadLetter(ORDERS_1, 4));

        batch.clear();

        assertTrue(batch.isEmpty());
        assertEquals(List.of(), batch.rows());
        assertEquals(List.of(), batch.deadLetters());
        assertEquals(Map.of(), batch.nextOffsets());
        assertEquals(0, batch.ageNanos(System.nanoTime()));
    }

    @Test
    void aClearedBatchStartsItsOffsetsAfresh() {
        batch.add(row(ORDERS_0, 10));
        batch.clear();

        batch.add(row(ORDERS_0, 11));

        assertEquals(Map.of(ORDERS_0, 12L), batch.nextOffsets());
        assertEquals(1, batch.size());
    }

    private static LandingBatch.Row row(TopicPartition tp, long offset) {
        return new LandingBatch.Row(tp.topic(), tp.partition(), offset, 1_772_409_600_000L + offset, "o20260302-000001",
                "event-" + offset, "order_placed", 1, 1_772_409_600_000L,
                ("{\"event_id\":\"event-" + offset + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static LandingBatch.DeadLetter deadLetter(TopicPartition tp, long offset) {
        return new LandingBatch.DeadLetter(tp.topic(), tp.partition(), offset, 1_772_409_600_000L + offset,
                "o20260302-000001", "{\"event_id\":".getBytes(StandardCharsets.UTF_8),
                "not valid JSON: Unexpected end-of-input (at column 12)");
    }
}
