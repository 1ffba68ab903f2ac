package dev.forkcast.simulator.sink;

import dev.forkcast.events.Topic;

/**
 * One record as it leaves the city: its topic, its partitioning key, the bytes (usually an event's
 * JSON; sometimes broken on purpose) and the simulated time it reaches the platform.
 */
public record SinkRecord(Topic topic, String key, String value, long arrivalMillis) {
}
