package dev.forkcast.simulator.sink;

/**
 * Where records go, in the order they reach the platform. Implementations: {@link JsonLinesFileSink}
 * (one record per line, handy to read), {@link NullSink} (benchmarks) and, in the ingestion module,
 * a Kafka producer.
 */
public interface EventSink extends AutoCloseable {

    /** Takes one record. A sink that cannot deliver it throws: a lost record must never be silent. */
    void send(SinkRecord record);

    /** Makes everything sent so far durable or visible (called at the end and, when paced, regularly). */
    default void flush() {
    }

    @Override
    void close();
}
