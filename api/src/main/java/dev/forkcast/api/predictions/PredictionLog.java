package dev.forkcast.api.predictions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every served prediction to {@code ml.prediction_log} without making the answer wait: a request only
 * offers its entries to a bounded queue; one background thread takes them in batches and inserts each batch
 * in one round trip. A full queue (the warehouse slower than the traffic) drops the entry and counts it in
 * {@code forkcast.predictions.log.dropped} rather than block a request: the log serves monitoring, the answer
 * serves a customer. On shutdown the thread drains what is queued before the pool closes.
 */
@Singleton
class PredictionLog {

    /** One row of the log. */
    record Entry(String modelName, int modelVersion, Instant requestedAt, Map<String, Object> features,
                 Map<String, Object> output) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PredictionLog.class);
    /** About a minute of a busy demo's traffic; beyond it the warehouse is not keeping up and waiting would not help. */
    private static final int CAPACITY = 10_000;
    /** Rows per insert: one round trip for many rows, small enough to keep a transaction short. */
    private static final int BATCH = 500;
    private static final String INSERT = """
            INSERT INTO ml.prediction_log (model_name, model_version, requested_at, features, output)
            VALUES (?, ?, ?, ?::jsonb, ?::jsonb)""";

    private final BlockingQueue<Entry> queue;
    private final DataSource dataSource;
    private final JsonMapper json;
    private final Counter dropped;
    private final Thread writer;
    private volatile boolean running = true;

    @jakarta.inject.Inject
    PredictionLog(DataSource dataSource, JsonMapper json, MeterRegistry meters) {
        this(dataSource, json, meters, CAPACITY);
    }

    /** With a queue of {@code capacity} entries (tests fill a small one). */
    PredictionLog(DataSource dataSource, JsonMapper json, MeterRegistry meters, int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.dataSource = dataSource;
        this.json = json;
        this.dropped = Counter.builder("forkcast.predictions.log.dropped")
                .description("Predictions served but not logged because the log queue was full").register(meters);
        this.writer = new Thread(this::drain, "prediction-log-writer");
        // Daemon: a hung database must not keep the JVM alive; close() below drains on an orderly shutdown.
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues an entry; never blocks. */
    void record(Entry entry) {
        if (!queue.offer(entry)) {
            dropped.increment();
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        // No interrupt: it could cut a batch's insert short. The writer notices within its 1 s poll, writes what is
        // queued, and ends.
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(10));
    }

    private void drain() {
        List<Entry> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Entry first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            queue.drainTo(batch, BATCH - batch.size());
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Entry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (Entry e : batch) {
                insert.setString(1, e.modelName());
                insert.setInt(2, e.modelVersion());
                insert.setObject(3, e.requestedAt().atOffset(ZoneOffset.UTC));
                insert.setString(4, json.writeValueAsString(e.features()));
                insert.setString(5, json.writeValueAsString(e.output()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException | IOException | RuntimeException e) {
            // A lost batch is counted like a full queue; the writer keeps going for the next one.
            dropped.increment(batch.size());
            LOG.warn("could not write {} prediction log rows: {}", batch.size(), e.toString());
        }
    }
}
