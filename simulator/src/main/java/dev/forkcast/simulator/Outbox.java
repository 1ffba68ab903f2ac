package dev.forkcast.simulator;

import dev.forkcast.events.Event;
import dev.forkcast.events.JsonWriter;
import dev.forkcast.events.Timestamps;
import dev.forkcast.events.Topic;
import dev.forkcast.simulator.dirt.DirtInjector;
import dev.forkcast.simulator.dirt.DirtKind;
import dev.forkcast.simulator.sink.EventSink;
import dev.forkcast.simulator.sink.SinkRecord;
import java.util.PriorityQueue;

/**
 * Holds records until they reach the platform, then hands them to the sink in arrival order.
 *
 * <p>The simulator knows an order's whole future the moment it is placed, so it submits events ahead of
 * time; the outbox applies the dirt (wrong clocks, missing fields, delays, retries, broken copies),
 * serialises each event once and releases it when the simulated clock passes its arrival time.
 */
final class Outbox {

    private record Pending(long arrivalMillis, long sequence, long happenedAtMillis, Topic topic, String key,
                           String value, Event original, int dirtMask) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending other) {
            int byArrival = Long.compare(arrivalMillis, other.arrivalMillis);
            return byArrival != 0 ? byArrival : Long.compare(sequence, other.sequence);
        }
    }

    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private final DirtInjector dirt;
    private final EventSink sink;
    private final SimulationStats stats;
    private final StringBuilder buffer = new StringBuilder(1024);
    private final JsonWriter json = new JsonWriter(buffer, new Timestamps());
    private long sequence;

    Outbox(DirtInjector dirt, EventSink sink, SimulationStats stats) {
        this.dirt = dirt;
        this.sink = sink;
        this.stats = stats;
    }

    /**
     * Queues an event that happens at {@code event.eventTimeMillis()}. {@code deviceClockErrorMillis} is
     * the reporting phone's clock error (0 for server-side events): when dirt strikes, event_time is
     * written by that wrong clock.
     */
    void submit(Event event, long deviceClockErrorMillis) {
        long happenedAt = event.eventTimeMillis();
        boolean skewed = false;
        if (deviceClockErrorMillis != 0) {
            stats.deviceEvents++;
            if (dirt.skewClock()) {
                skewed = true;
                event = new Event(event.eventId(), event.type(), event.schemaVersion(),
                        happenedAt + deviceClockErrorMillis, event.orderId(), event.customerId(), event.restaurantId(),
                        event.courierId(), event.payload());
            }
        }
        String omitted = dirt.fieldToOmit(event.payload().optionalFields());
        buffer.setLength(0);
        event.writeJson(json, omitted);
        String value = buffer.toString();

        Topic topic = event.topic();
        String key = event.key();
        DirtInjector.Travel travel = dirt.travel();
        long arrival = happenedAt + travel.delayMillis();
        // One record can carry several kinds of dirt at once (late and missing a field): a bit for each.
        int dirtMask = (travel.dirt() != null ? bit(travel.dirt()) : 0)
                | (skewed ? bit(DirtKind.CLOCK_SKEW) : 0)
                | (omitted != null ? bit(DirtKind.MISSING_FIELD) : 0);
        enqueue(new Pending(arrival, sequence++, happenedAt, topic, key, value, event, dirtMask));

        long retryDelay = dirt.duplicateDelayMillis();
        if (retryDelay >= 0) {
            enqueue(new Pending(arrival + retryDelay, sequence++, happenedAt, topic, key, value, null,
                    bit(DirtKind.DUPLICATE)));
        }
        String broken = dirt.malformedCopy(value);
        if (broken != null) {
            enqueue(new Pending(arrival + dirt.copyDelayMillis(), sequence++, happenedAt, topic, key, broken, null,
                    bit(DirtKind.MALFORMED)));
        }
        String wrongType = dirt.wrongTypeCopy(value, event.eventTimeMillis());
        if (wrongType != null) {
            enqueue(new Pending(arrival + dirt.copyDelayMillis(), sequence++, happenedAt, topic, key, wrongType, null,
                    bit(DirtKind.WRONG_TYPE)));
        }
    }

    /** Sends every record that has arrived by {@code nowMillis}. */
    void releaseUntil(long nowMillis) {
        while (!pending.isEmpty() && pending.peek().arrivalMillis() <= nowMillis) {
            send(pending.poll());
        }
    }

    /**
     * Ends the run at {@code horizonMillis}: whatever happened before it is sent (however late it
     * arrives), whatever would happen after it is dropped and counted.
     */
    void drain(long horizonMillis) {
        while (!pending.isEmpty()) {
            Pending next = pending.poll();
            if (next.happenedAtMillis() < horizonMillis) {
                send(next);
            } else {
                stats.recordAfterHorizon();
            }
        }
    }

    private void enqueue(Pending record) {
        pending.add(record);
    }

    private static int bit(DirtKind kind) {
        return 1 << kind.ordinal();
    }

    private void send(Pending record) {
        for (DirtKind kind : DirtKind.values()) {
            if ((record.dirtMask() & bit(kind)) != 0) {
                stats.dirtSent(kind, record.topic());
            }
        }
        if (record.original() != null) {
            stats.eventSent(record.original().type());
        }
        stats.recordSent(record.topic(), record.value().length());
        sink.send(new SinkRecord(record.topic(), record.key(), record.value(), record.arrivalMillis()));
    }
}
