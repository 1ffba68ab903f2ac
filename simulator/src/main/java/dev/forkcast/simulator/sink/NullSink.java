package dev.forkcast.simulator.sink;

/**
 * Drops every record, but reads it (length and a checksum), so a benchmark measures the simulator and
 * not a compiler that noticed the output was unused.
 */
public final class NullSink implements EventSink {

    private long records;
    private long characters;
    private long checksum;

    @Override
    public void send(SinkRecord record) {
        records++;
        characters += record.value().length();
        checksum = checksum * 31 + record.value().hashCode();
    }

    public long records() {
        return records;
    }

    public long characters() {
        return characters;
    }

    public long checksum() {
        return checksum;
    }

    @Override
    public void close() {
    }
}
