package dev.forkcast.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.events.Topic;
import dev.forkcast.simulator.sink.EventSink;
import dev.forkcast.simulator.sink.SinkRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LiveClockTest {

    private static final long LIVE_FROM = 1_000_000_000L;
    private static final long MINUTE = 60_000L;

    /** A wall clock that moves only when slept on, remembering every sleep. */
    static final class FakeWall implements LiveClock.WallClock {
        long now;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    /** Keeps what it is sent and counts flushes. */
    static final class Recorder implements EventSink {
        final List<SinkRecord> sent = new ArrayList<>();
        int flushes;

        @Override
        public void send(SinkRecord record) {
            sent.add(record);
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
        }
    }

    private static SinkRecord arriving(long millis) {
        return new SinkRecord(Topic.ORDERS, "o1", "{}", millis);
    }

    @Test
    void historyPassesStraightThroughWithoutWaiting() throws InterruptedException {
        FakeWall wall = new FakeWall();
        Recorder kafka = new Recorder();
        LiveClock clock = new LiveClock(kafka, LIVE_FROM, 60, () -> { }, wall);

        clock.send(arriving(LIVE_FROM - 10 * MINUTE));
        clock.send(arriving(LIVE_FROM - 1));

        assertEquals(2, kafka.sent.size());
        assertTrue(wall.sleeps.isEmpty());
        assertFalse(clock.awaitHistory(0, TimeUnit.MILLISECONDS));
    }

    @Test
    void firstLiveRecordEndsTheHistoryOnceAndWaitsForGoLive() throws Exception {
        Recorder kafka = new Recorder();
        AtomicInteger historyEnds = new AtomicInteger();
        LiveClock clock = new LiveClock(kafka, LIVE_FROM, 60, historyEnds::incrementAndGet, new FakeWall());
        clock.send(arriving(LIVE_FROM - MINUTE));
        Thread city = new Thread(() -> {
            clock.send(arriving(LIVE_FROM));
            clock.send(arriving(LIVE_FROM));
        });

        city.start();
        assertTrue(clock.awaitHistory(10, TimeUnit.SECONDS));
        Thread.sleep(100);
        int sentBeforeGoLive = kafka.sent.size();
        clock.goLive();
        city.join(10_000);

        assertEquals(1, sentBeforeGoLive, "the live record waits for goLive");
        assertEquals(3, kafka.sent.size());
        assertEquals(1, historyEnds.get());
        assertTrue(kafka.flushes >= 1, "the history is flushed before it is called complete");
    }

    @Test
    void liveRecordsArePacedBySpeedup() {
        FakeWall wall = new FakeWall();
        Recorder kafka = new Recorder();
        LiveClock clock = new LiveClock(kafka, LIVE_FROM, 60, () -> { }, wall);
        clock.goLive();

        clock.send(arriving(LIVE_FROM));
        clock.send(arriving(LIVE_FROM + MINUTE));
        clock.send(arriving(LIVE_FROM + 61 * MINUTE));

        assertEquals(List.of(1_000_000_000L, 60_000_000_000L), wall.sleeps,
                "a simulated minute is a real second at 60x, an hour a minute");
        assertEquals(3, kafka.sent.size());
    }

    @Test
    void dueTimeIsSimulatedTimeSinceGoingLiveDividedBySpeedup() {
        assertEquals(0, LiveClock.dueNanosAfterLive(LIVE_FROM, LIVE_FROM, 60));
        assertEquals(1_000_000_000L, LiveClock.dueNanosAfterLive(LIVE_FROM + MINUTE, LIVE_FROM, 60));
        assertEquals(30_000_000L, LiveClock.dueNanosAfterLive(LIVE_FROM + MINUTE, LIVE_FROM, 2000));
    }

    @Test
    void stoppedClockRefusesTheNextRecord() {
        Recorder kafka = new Recorder();
        LiveClock clock = new LiveClock(kafka, LIVE_FROM, 60, () -> { }, new FakeWall());

        clock.stop();

        assertThrows(LiveClock.Stopped.class, () -> clock.send(arriving(LIVE_FROM - MINUTE)));
        assertTrue(kafka.sent.isEmpty());
    }

    @Test
    void speedupMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new LiveClock(new Recorder(), LIVE_FROM, 0, () -> { },
                new FakeWall()));
    }
}
