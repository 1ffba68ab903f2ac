package dev.forkcast.demo;

import dev.forkcast.ingestion.KafkaClients;
import dev.forkcast.ingestion.landing.LanderRunner;
import dev.forkcast.ingestion.producing.KafkaEventSink;
import dev.forkcast.simulator.SimulationConfig;
import dev.forkcast.simulator.Simulator;
import dev.forkcast.simulator.truth.WarehouseTruthWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The city and the data engineer's first highway, inside the orchestrator: the simulator (on a thread of its own)
 * produces into Kafka through {@link LiveClock}, the lander lands every record into {@code raw.events}, and the
 * ground truth goes to {@code truth.*}. It is what {@code ./forkcast ingest} wires, with a history/live boundary.
 *
 * <pre>
 * Simulator ─▶ LiveClock ─▶ KafkaEventSink ─▶ forkcast.* topics ─▶ LanderRunner ─▶ raw.events
 *     └─▶ WarehouseTruthWriter ─▶ truth.orders (flushed at the end of the history)
 * </pre>
 */
public final class CityFeed implements AutoCloseable {

    private final int historyDays;
    private final LanderRunner lander;
    private final KafkaEventSink kafka;
    private final WarehouseTruthWriter truth;
    private final LiveClock clock;
    private final Thread city;
    private volatile Throwable failure;
    private volatile long historyRecords = -1;

    /**
     * @param config the whole run: {@code historyDays} of history and then the live days
     * @param speedup simulated seconds per wall-clock second once live
     * @param days hears "day 3/20: 1,830 orders placed" once per simulated day of the history
     */
    public CityFeed(SimulationConfig config, long seed, int historyDays, double speedup, String bootstrap,
                    DataSource warehouse, Consumer<String> days) {
        this.historyDays = historyDays;
        this.lander = new LanderRunner(bootstrap, warehouse);
        this.kafka = new KafkaEventSink(new KafkaProducer<>(KafkaClients.eventProducer(bootstrap)));
        this.truth = new WarehouseTruthWriter(warehouse);
        long liveFrom = config.startDate.plusDays(historyDays).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                .toEpochMilli();
        this.clock = new LiveClock(kafka, liveFrom, speedup, this::endOfHistory, LiveClock.WallClock.SYSTEM);
        Simulator simulator = new Simulator(config, seed, clock, truth).onProgress((day, all, s) -> {
            if (day <= historyDays) {
                days.accept(String.format("day %d/%d: %,d orders placed, %,d records produced, %,d landed", day,
                        historyDays, s.ordersPlaced(), kafka.acknowledged(), lander.metrics().getLandedTotal()));
            }
        });
        this.city = new Thread(() -> runCity(simulator), "forkcast-demo-city");
    }

    public void start() {
        city.start();
    }

    /**
     * Waits until the city has produced its whole history and the lander has landed all of it (every record in
     * {@code raw.events} or dead-lettered), then returns what was produced. Fails if the city or the lander did.
     */
    public History awaitHistoryLanded(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!clock.awaitHistory(200, TimeUnit.MILLISECONDS)) {
            checkHealthy();
            if (!city.isAlive()) {
                throw new IllegalStateException("the city ended before its history was complete");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the city did not finish its history in time");
            }
        }
        while (handled() < historyRecords || lander.metrics().getLag() > 0) {
            checkHealthy();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the lander did not land the history in time");
            }
            Thread.sleep(100);
        }
        return new History(historyDays, historyRecords, lander.metrics().getLandedTotal(),
                lander.metrics().getDeadLetteredTotal());
    }

    /** Lets the city run on from the end of its history, paced. */
    public void goLive() {
        clock.goLive();
    }

    /** Records the city produced and Kafka acknowledged so far. */
    public long produced() {
        return kafka.acknowledged();
    }

    /** The simulated time of the last record the city sent. */
    public java.time.Instant cityClock() {
        return java.time.Instant.ofEpochMilli(clock.lastArrivalMillis());
    }

    /** Records the lander put into raw.events so far. */
    public long landed() {
        return lander.metrics().getLandedTotal();
    }

    /** The first failure of the city or the lander, or null while both are well. */
    public Throwable failure() {
        return failure != null ? failure : lander.failure();
    }

    /** Stops the city (no record is half sent), then the lander after it committed what it holds. */
    @Override
    public void close() {
        clock.stop();
        clock.goLive();
        city.interrupt();
        try {
            city.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            kafka.close();
        } finally {
            try {
                lander.close();
            } finally {
                truth.close();
            }
        }
    }

    /** What the history was: days, records produced, landed, dead-lettered. */
    public record History(int days, long produced, long landed, long deadLetters) {
    }

    private long handled() {
        return lander.metrics().getLandedTotal() + lander.metrics().getDeadLetteredTotal();
    }

    private void checkHealthy() {
        Throwable problem = failure();
        if (problem != null) {
            throw new IllegalStateException("the city feed failed: " + problem.getMessage(), problem);
        }
    }

    /** On the city's thread, after the last history record was flushed to Kafka. */
    private void endOfHistory() {
        truth.flush();
        historyRecords = kafka.acknowledged();
    }

    private void runCity(Simulator simulator) {
        try {
            simulator.run();
        } catch (LiveClock.Stopped stopped) {
            // Ctrl-C or the end of a test: the normal way for the live city to end.
        } catch (Throwable t) {
            if (!Thread.currentThread().isInterrupted()) {
                failure = t;
            }
        }
    }
}
