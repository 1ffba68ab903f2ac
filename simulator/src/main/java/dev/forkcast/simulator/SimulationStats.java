package dev.forkcast.simulator;

import dev.forkcast.events.EventType;
import dev.forkcast.events.Topic;
import dev.forkcast.simulator.dirt.DirtKind;
import java.util.EnumMap;
import java.util.Map;

/** What a run produced, counted as records leave the city: the numbers its summary prints and the truth keeps. */
public final class SimulationStats {

    private final long[] eventsByType = new long[EventType.values().length];
    private final long[][] dirtByKindAndTopic = new long[DirtKind.values().length][Topic.values().length];
    private final long[] recordsByTopic = new long[Topic.values().length];
    private long records;
    private long characters;
    private long recordsAfterHorizon;

    long ordersPlaced;
    long ordersCancelled;
    long fraudulentOrders;
    double fraudProbabilitySum;
    long deviceEvents;

    void eventSent(EventType type) {
        eventsByType[type.ordinal()]++;
    }

    void recordSent(Topic topic, int characters) {
        records++;
        recordsByTopic[topic.ordinal()]++;
        this.characters += characters;
    }

    void dirtSent(DirtKind kind, Topic topic) {
        dirtByKindAndTopic[kind.ordinal()][topic.ordinal()]++;
    }

    void recordAfterHorizon() {
        recordsAfterHorizon++;
    }

    public long ordersPlaced() {
        return ordersPlaced;
    }

    public long ordersCancelled() {
        return ordersCancelled;
    }

    public long fraudulentOrders() {
        return fraudulentOrders;
    }

    /** Share of orders that were fraudulent, by the truth. */
    public double fraudRate() {
        return ordersPlaced == 0 ? 0 : (double) fraudulentOrders / ordersPlaced;
    }

    /** Mean fraud probability the orders were drawn from (the rate the world "intended"). */
    public double meanFraudProbability() {
        return ordersPlaced == 0 ? 0 : fraudProbabilitySum / ordersPlaced;
    }

    /** Device-reported events generated (the population clock skew applies to). */
    public long deviceEvents() {
        return deviceEvents;
    }

    public long events(EventType type) {
        return eventsByType[type.ordinal()];
    }

    /** Business events sent once each (duplicates and damaged copies not counted). */
    public long events() {
        long total = 0;
        for (long n : eventsByType) {
            total += n;
        }
        return total;
    }

    public Map<EventType, Long> eventsByType() {
        Map<EventType, Long> byType = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            byType.put(type, eventsByType[type.ordinal()]);
        }
        return byType;
    }

    public long dirt(DirtKind kind) {
        long total = 0;
        for (long n : dirtByKindAndTopic[kind.ordinal()]) {
            total += n;
        }
        return total;
    }

    public long dirt(DirtKind kind, Topic topic) {
        return dirtByKindAndTopic[kind.ordinal()][topic.ordinal()];
    }

    /** Every record handed to the sink, events and dirt alike. */
    public long records() {
        return records;
    }

    public long records(Topic topic) {
        return recordsByTopic[topic.ordinal()];
    }

    public long characters() {
        return characters;
    }

    /** Records that would have happened after the run's last day and so were never sent. */
    public long recordsAfterHorizon() {
        return recordsAfterHorizon;
    }
}
