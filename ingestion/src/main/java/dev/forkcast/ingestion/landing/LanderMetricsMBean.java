package dev.forkcast.ingestion.landing;

/** What the lander publishes over JMX (a Prometheus JMX exporter, jconsole or VisualVM can read it). */
public interface LanderMetricsMBean {

    /** Valid records committed to raw.events since start. */
    long getLandedTotal();

    /** Records committed as dead letters since start. */
    long getDeadLetteredTotal();

    /** Records waiting in Kafka behind this lander, summed over its partitions (-1 until known). */
    long getLag();

    /** Batches committed since start. */
    long getBatchesCommitted();

    /** Milliseconds spent waiting in {@code poll} (fetching from Kafka). */
    long getPollMillis();

    /** Milliseconds spent validating records and preparing rows. */
    long getValidateMillis();

    /** Milliseconds the commit thread spent waiting for dead letters to be acknowledged by Kafka. */
    long getDeadLetterMillis();

    /** Milliseconds the commit thread spent committing batches (dead letters, COPY, offsets, commit). */
    long getCommitMillis();
}
