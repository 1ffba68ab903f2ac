package dev.forkcast.ingestion;

import dev.forkcast.events.Topic;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Count and order-independent checksum of a set of records, per topic: the sum of each value's CRC-32C
 * shifted by its length. Equal counts and sums on both sides of a pipeline mean the same records
 * arrived, none lost, none doubled (a lost and a duplicated record would have to cancel exactly).
 */
public final class StreamChecksum {

    private final Map<Topic, long[]> byTopic = new EnumMap<>(Topic.class);

    public synchronized void add(Topic topic, byte[] value) {
        CRC32C crc = new CRC32C();
        crc.update(value);
        long[] sums = byTopic.computeIfAbsent(topic, t -> new long[2]);
        sums[0]++;
        sums[1] += crc.getValue() * 31 + value.length;
    }

    public void add(Topic topic, String value) {
        add(topic, value.getBytes(StandardCharsets.UTF_8));
    }

    public synchronized long count(Topic topic) {
        return byTopic.getOrDefault(topic, new long[2])[0];
    }

    public synchronized long sum(Topic topic) {
        return byTopic.getOrDefault(topic, new long[2])[1];
    }

    public synchronized long count() {
        return byTopic.values().stream().mapToLong(s -> s[0]).sum();
    }

    /** This set plus another (e.g. landed rows plus dead letters). */
    public synchronized StreamChecksum plus(StreamChecksum other) {
        StreamChecksum total = new StreamChecksum();
        for (Topic topic : Topic.values()) {
            long[] sums = new long[] {count(topic) + other.count(topic), sum(topic) + other.sum(topic)};
            total.byTopic.put(topic, sums);
        }
        return total;
    }

    @Override
    public synchronized String toString() {
        StringBuilder out = new StringBuilder();
        for (Topic topic : Topic.values()) {
            out.append(topic.topicName()).append('=').append(count(topic)).append('/').append(sum(topic)).append(' ');
        }
        return out.toString().trim();
    }
}
