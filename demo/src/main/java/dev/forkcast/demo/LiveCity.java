package dev.forkcast.demo;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The demo after start-up: the city goes on, paced ({@link LiveClock}); the lander keeps landing; the ETL runs in
 * a child JVM, then rests {@code etlPause}, then runs again; every {@code scoreEvery} the new orders are scored
 * through the API ({@link LiveScorer}); every half minute a status line says where everything stands. One thread
 * does the scheduling, so there is never a second ETL run while one is going.
 */
final class LiveCity {

    /** Says when to stop (Ctrl-C, or a test that has seen enough). */
    interface StopSignal {
        boolean stopRequested();
    }

    private static final Duration STATUS_EVERY = Duration.ofSeconds(30);
    private static final DateTimeFormatter CITY_TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private final DemoSettings settings;
    private final CityFeed city;
    private final DataSource warehouse;
    private final JavaChild apiServer;
    private final Function<Consumer<String>, JavaChild> etlStarter;
    private final StageLog log;
    private final LiveScorer scorer;

    LiveCity(DemoSettings settings, CityFeed city, DataSource warehouse, ApiClient api, JavaChild apiServer,
             Function<Consumer<String>, JavaChild> etlStarter, StageLog log) {
        this.settings = settings;
        this.city = city;
        this.warehouse = warehouse;
        this.apiServer = apiServer;
        this.etlStarter = etlStarter;
        this.log = log;
        this.scorer = new LiveScorer(warehouse, api);
    }

    void run(StopSignal stop) throws Exception {
        scorer.skipWhatIsLandedAlready();
        city.goLive();
        log.note(Role.WORLD, String.format(Locale.ROOT, "the city is live: %.0fx real time (one simulated hour every"
                + " %.0f s), Ctrl-C stops everything", settings.speedup(), 3600 / settings.speedup()));
        long now = System.nanoTime();
        long nextScore = now + settings.scoreEvery().toNanos();
        long nextEtl = now + settings.etlPause().toNanos();
        long nextStatus = now + STATUS_EVERY.toNanos();
        JavaChild etl = null;
        AtomicReference<String> etlOutcome = new AtomicReference<>();
        while (!stop.stopRequested()) {
            requireHealthy();
            now = System.nanoTime();
            if (etl != null && !etl.isAlive()) {
                int exit = etl.awaitExit();
                log.note(Role.DATA_ENGINEER, exit == 0 ? "ETL " + etlOutcome.get()
                        : "ETL run failed (exit " + exit + "); see .forkcast/demo/logs/etl.log. The next run retries.");
                etl = null;
                nextEtl = now + settings.etlPause().toNanos();
            }
            if (etl == null && now >= nextEtl) {
                etlOutcome.set("run finished");
                etl = etlStarter.apply(line -> {
                    if (line.startsWith("[done] ")) {
                        etlOutcome.set(line.substring("[done] ".length()));
                    }
                });
                log.note(Role.DATA_ENGINEER, "ETL run started (Spark, incremental: only what landed since the last run)");
            }
            if (now >= nextScore) {
                score();
                nextScore = now + settings.scoreEvery().toNanos();
            }
            if (now >= nextStatus) {
                status();
                nextStatus = now + STATUS_EVERY.toNanos();
            }
            Thread.sleep(200);
        }
    }

    private void score() throws Exception {
        LiveScorer.Round round = scorer.scoreNewOrders();
        if (round.error() != null) {
            log.note(Role.ML_ENGINEER, "scoring " + round.asked() + " new orders failed: " + round.error());
        } else if (round.asked() > 0) {
            log.note(Role.ML_ENGINEER, String.format(Locale.ROOT, "scored %d new order(s) through the API: delivery"
                    + " estimates averaging %.1f min (delivery_time v%d), logged to ml.prediction_log", round.asked(),
                    round.meanMinutes(), round.modelVersion()));
        }
    }

    private void status() throws Exception {
        log.note(Role.WORLD, String.format(Locale.ROOT, "city clock %s: %,d records produced, %,d landed;"
                        + " ml.prediction_log %,d rows; pipeline runs %,d", CITY_TIME.format(city.cityClock()),
                city.produced(), city.landed(), Demo.count(warehouse, "ml.prediction_log"),
                Demo.count(warehouse, "ops.pipeline_runs")));
    }

    private void requireHealthy() {
        if (city.failure() != null) {
            throw new IllegalStateException("the live city failed: " + city.failure().getMessage(), city.failure());
        }
        if (!apiServer.isAlive()) {
            throw new IllegalStateException("the API server ended; its log: .forkcast/demo/logs/api.log");
        }
    }
}
