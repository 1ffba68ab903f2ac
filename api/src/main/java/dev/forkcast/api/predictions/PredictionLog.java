package dev.forkcast.api.predictions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every served prediction to {@code ml.prediction_log} without making the answer wait: a request only
 * offers its entries to a bounded queue; one background thread takes them in batches and copies each batch
 * in with one {@code COPY} (PostgreSQL's bulk path: ~75-95k rows/s on this kind of machine against ~52k/s for a
 * batched {@code INSERT}, which matters because the warehouse shares the machine's cores with the server). A full
 * queue (the warehouse slower than the traffic) drops the entry and counts it in
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
    /** Rows per COPY: what a busy second queues, in one statement, small enough to keep a transaction short. */
    private static final int BATCH = 2_000;
    /**
     * How long the writer lets rows gather after the first one before it copies them. Without it, under load the
     * writer copied as soon as anything was queued: ~1,900 COPYs of ~5 rows a second at 8,700 answers/s, each its
     * own transaction, connection checkout and wake-up, which cost the warehouse more than the rows did. A row
     * reaches the table at most this much later; a full batch is copied at once.
     */
    static final long LINGER_MILLIS = 100;
    /**
     * COPY's text format: tab-separated, a backslash doubled. JSON never holds a raw tab or line break (it escapes
     * them), so its backslashes are the only thing to escape, and most rows have none.
     */
    private static final String COPY = """
            COPY ml.prediction_log (model_name, model_version, requested_at, features, output) FROM STDIN""";

    private final BlockingQueue<Entry> queue;
    private final DataSource dataSource;
    private final Counter dropped;
    private final Thread writer;
    private volatile boolean running = true;

    @jakarta.inject.Inject
    PredictionLog(DataSource dataSource, MeterRegistry meters) {
        this(dataSource, meters, CAPACITY);
    }

    /** With a queue of {@code capacity} entries (tests fill a small one). */
    PredictionLog(DataSource dataSource, MeterRegistry meters, int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.dataSource = dataSource;
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
                if (running && queue.size() < BATCH - 1) {
                    Thread.sleep(LINGER_MILLIS);
                }
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
        try (Connection c = dataSource.getConnection()) {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
            try {
                // Row by row into the driver's buffer: a whole batch as one string (~2 MB) was a humongous object
                // for G1, and a young collection each time one was made.
                StringBuilder row = new StringBuilder(1_024);
                StringBuilder json = new StringBuilder(1_024);
                for (Entry e : batch) {
                    row.setLength(0);
                    escaped(row, e.modelName()).append('\t').append(e.modelVersion()).append('\t')
                            .append(e.requestedAt()).append('\t');
                    json.setLength(0);
                    escaped(row, FlatJson.append(json, e.features())).append('\t');
                    json.setLength(0);
                    escaped(row, FlatJson.append(json, e.output())).append('\n');
                    byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException | RuntimeException e) {
            // A lost batch is counted like a full queue; the writer keeps going for the next one.
            dropped.increment(batch.size());
            LOG.warn("could not write {} prediction log rows: {}", batch.size(), e.toString());
        }
    }

    /** A field of COPY's text format: a backslash doubled (nothing else can occur in our values). */
    private static StringBuilder escaped(StringBuilder rows, CharSequence value) {
        String text = value.toString();
        return rows.append(text.indexOf('\\') < 0 ? text : text.replace("\\", "\\\\"));
    }
}
