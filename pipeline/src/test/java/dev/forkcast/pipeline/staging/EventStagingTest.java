package dev.forkcast.pipeline.staging;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class EventStagingTest {

    @Test
    void aRetriedEventKeepsTheCopyThatArrivedFirst() {
        Dataset<Row> raw = RawEvents.of(
                RawEvents.row("forkcast.orders", 1, 40, "2026-03-02T12:00:03Z", "e-1", "order_accepted",
                        "2026-03-02T12:00:00Z", "{\"copy\":\"retry\"}"),
                RawEvents.row("forkcast.orders", 1, 17, "2026-03-02T12:00:01Z", "e-1", "order_accepted",
                        "2026-03-02T12:00:00Z", "{\"copy\":\"first\"}"),
                RawEvents.row("forkcast.orders", 2, 5, "2026-03-02T12:00:02Z", "e-2", "order_accepted",
                        "2026-03-02T12:00:00Z", "{\"copy\":\"only\"}"));

        List<Row> staged = EventStaging.firstArrivalOfEachEvent(raw).orderBy("event_id").select("event_id", "body")
                .collectAsList();

        assertEquals(List.of("[e-1,{\"copy\":\"first\"}]", "[e-2,{\"copy\":\"only\"}]"),
                staged.stream().map(Row::toString).toList());
    }

    @Test
    void copiesThatArrivedAtTheSameInstantAreSettledByTheirOffset() {
        Dataset<Row> raw = RawEvents.of(
                RawEvents.row("forkcast.orders", 0, 9, "2026-03-02T12:00:01Z", "e-3", "order_delivered",
                        "2026-03-02T12:00:00Z", "{\"offset\":9}"),
                RawEvents.row("forkcast.orders", 0, 8, "2026-03-02T12:00:01Z", "e-3", "order_delivered",
                        "2026-03-02T12:00:00Z", "{\"offset\":8}"));

        Row kept = EventStaging.firstArrivalOfEachEvent(raw).collectAsList().get(0);

        assertEquals("{\"offset\":8}", kept.getAs("body"));
    }

    @Test
    void aClockUpToOneMinuteAheadIsNetworkDelayAndBeyondThatAWrongClock() {
        Dataset<Row> events = RawEvents.of(
                RawEvents.row("forkcast.couriers", 0, 1, "2026-03-02T12:00:00Z", "e-on-the-minute",
                        "courier_location_pinged", "2026-03-02T12:01:00Z", "{}"),
                RawEvents.row("forkcast.couriers", 0, 2, "2026-03-02T12:00:00Z", "e-just-beyond",
                        "courier_location_pinged", "2026-03-02T12:01:00.001Z", "{}"));

        List<Row> staged = events.orderBy("event_id").select(col("event_id"),
                EventStaging.clockCorrectedEventAt().as("event_at"), EventStaging.isFromTheFuture().as("corrected"))
                .collectAsList();

        assertEquals(List.of(RowFactory.create("e-just-beyond", RawEvents.at("2026-03-02T12:00:00Z"), true),
                RowFactory.create("e-on-the-minute", RawEvents.at("2026-03-02T12:01:00Z"), false)), staged);
    }

    @Test
    void aMissingInputColumnIsNamedBeforeAnythingRuns() {
        Dataset<Row> noIds = RawEvents.of().drop("event_id");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> EventStaging.firstArrivalOfEachEvent(noIds));

        assertEquals(true, error.getMessage().startsWith("firstArrivalOfEachEvent needs column(s) [event_id]"),
                error.getMessage());
    }
}
