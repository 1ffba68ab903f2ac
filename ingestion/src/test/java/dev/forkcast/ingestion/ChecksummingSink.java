package dev.forkcast.ingestion;

import dev.forkcast.simulator.sink.EventSink;
import dev.forkcast.simulator.sink.SinkRecord;

/** Passes records on to a real sink and keeps the checksum of everything it passed: "what was sent". */
public final class ChecksummingSink implements EventSink {

    private final EventSink next;
    private final StreamChecksum sent = new StreamChecksum();

    public ChecksummingSink(EventSink next) {
        this.next = next;
    }

    @Override
    public void send(SinkRecord record) {
        next.send(record);
        sent.add(record.topic(), record.value());
    }

    @Override
    public void flush() {
        next.flush();
    }

    @Override
    public void close() {
        next.close();
    }

    public StreamChecksum sent() {
        return sent;
    }
}
