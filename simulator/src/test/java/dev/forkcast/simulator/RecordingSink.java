package dev.forkcast.simulator;

import dev.forkcast.simulator.sink.EventSink;
import dev.forkcast.simulator.sink.SinkRecord;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps every record in memory, in arrival order, so a test can look at the whole stream. */
final class RecordingSink implements EventSink {

    final List<SinkRecord> records = new ArrayList<>();

    @Override
    public void send(SinkRecord record) {
        records.add(record);
    }

    @Override
    public void close() {
    }
}
