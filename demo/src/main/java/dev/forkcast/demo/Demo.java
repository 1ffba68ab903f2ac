package dev.forkcast.demo;

import dev.forkcast.demo.StageLog.Stage;
import dev.forkcast.simulator.SimulationConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The demo's orchestrator: one JVM that owns PostgreSQL, the Kafka broker, the city and the lander, and starts
 * the ETL (Spark), the trainer (Tribuo) and the API (Micronaut) as child JVMs, each on its own module's classpath
 * and pointed at what this JVM started through {@code FORKCAST_DB_URL} and {@code FORKCAST_KAFKA_BOOTSTRAP}.
 *
 * <pre>
 * 1 platform       pre-flight: modules built, ports free, disk
 * 2 data engineer  PostgreSQL (a new forkcast_demo database) and a Kafka broker, side by side
 * 3 data engineer  the city's history -> Kafka -> lander -> raw.events        (the API's JVM starts after this)
 * 4 data engineer  Spark ETL (child JVM): raw -> staging -> marts + features
 * 5 ML engineer    Tribuo training (child JVM): both models, judged, registered, promoted
 * 6 ML engineer    the API (child JVM) answers /health
 * 7 ML engineer    the first prediction served over HTTP            = the cold start the benchmark measures
 * then, until stopped: the city live (paced) -> Kafka -> lander; the ETL on a schedule; new orders scored
 * </pre>
 *
 * {@link #close()} stops everything it started, in the reverse order: children first (the API drains its
 * prediction log while PostgreSQL still runs), then the city and the lander, the broker, PostgreSQL.
 */
public final class Demo implements AutoCloseable {

    /** The live city's length: a year of simulated time, 6 days of wall-clock time at 60x; the demo ends before. */
    static final int LIVE_DAYS = 365;
    static final int STAGES = 7;

    private final DemoSettings settings;
    private final PrintStream out;
    private final StageLog log;
    private final ApiClient api;
    private final List<JavaChild> children = new CopyOnWriteArrayList<>();
    private DemoWarehouse warehouse;
    private DemoKafka kafka;
    private CityFeed city;
    private JavaChild apiServer;
    private CompletableFuture<Double> apiHealthy;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    public Demo(DemoSettings settings, PrintStream out, long launchedAtMillis) {
        this.settings = settings;
        this.out = out;
        this.log = new StageLog(out, STAGES, launchedAtMillis);
        this.api = new ApiClient(settings.apiPort());
    }

    /** What the start-up did and how long each part took. */
    public record StartUp(List<StageTime> stages, double coldStartSeconds, double apiStartSeconds,
                          SampleOrder sample, double predictedMinutes, int modelVersion, CityFeed.History history) {
    }

    /** Runs stages 1 to 7; returns once a prediction was served over HTTP. */
    public StartUp startUp() throws Exception {
        preflight();
        startWarehouseAndKafka();
        CityFeed.History history = landHistory();
        startApiServer();
        runEtl();
        train();
        awaitApi();
        return firstPrediction(history);
    }

    /** The live phase; returns when {@code stop} says so (Ctrl-C), or throws when a part of the platform failed. */
    public void runLive(LiveCity.StopSignal stop) throws Exception {
        new LiveCity(settings, city, warehouse.dataSource(), api, apiServer, this::startEtlJvm, log).run(stop);
    }

    public ApiClient api() {
        return api;
    }

    public DemoWarehouse warehouse() {
        return warehouse;
    }

    public String kafkaBootstrap() {
        return kafka.bootstrap();
    }

    /** Every child JVM this demo started, running or not (tests check that none is left). */
    public List<ProcessHandle> childProcesses() {
        return children.stream().map(JavaChild::handle).toList();
    }

    // --- the stages ---------------------------------------------------------------------------------------------

    private void preflight() {
        Stage stage = log.begin(Role.PLATFORM, "pre-flight",
                "pre-flight: the modules built, the ports free, room on the disk");
        Preflight check = new Preflight();
        for (String module : List.of("ingestion", "pipeline", "ml-service", "api")) {
            check.moduleBuilt(settings.home(), module);
        }
        check.portFree(settings.apiPort(), "the demo's API", "give the API another one: --port 8081 (or FORKCAST_API_PORT)");
        if (settings.kafkaBootstrap() == null) {
            check.portFree(settings.kafkaPort(), "the demo's Kafka broker", "give it others: --kafka-port 19292");
            check.portFree(settings.kafkaControllerPort(), "the demo's Kafka controller", "give it others: --kafka-port 19292");
        }
        check.diskSpace(settings.stateDirectory(), Preflight.NEEDED_DISK_BYTES);
        check.requireNothingMissing();
        clearLogs();
        stage.done("all there");
    }

    private void startWarehouseAndKafka() throws Exception {
        Stage stage = log.begin(Role.DATA_ENGINEER, "PostgreSQL and Kafka",
                "the warehouse (PostgreSQL 15) and Kafka 4, started side by side");
        // PostgreSQL (~8 s) and the broker (2-7 s) start in parallel: neither needs the other.
        long started = System.nanoTime();
        double[] seconds = new double[2];
        CompletableFuture<DemoWarehouse> database = CompletableFuture.supplyAsync(() -> {
            DemoWarehouse opened = settings.database() == null
                    ? DemoWarehouse.embedded() : DemoWarehouse.configured(settings.database());
            seconds[0] = (System.nanoTime() - started) / 1e9;
            return opened;
        });
        CompletableFuture<DemoKafka> broker = CompletableFuture.supplyAsync(() -> {
            DemoKafka up = settings.kafkaBootstrap() == null
                    ? DemoKafka.startLocal(settings.stateDirectory().resolve("kafka"), settings.kafkaPort(),
                            settings.kafkaControllerPort())
                    : DemoKafka.configured(settings.kafkaBootstrap());
            seconds[1] = (System.nanoTime() - started) / 1e9;
            return up;
        });
        try {
            warehouse = Futures.join(database);
        } finally {
            // Whatever happened to PostgreSQL, a broker that started is kept so close() stops it.
            kafka = Futures.joinQuietly(broker);
        }
        if (kafka == null) {
            Futures.join(broker);
        }
        stage.progress(String.format(Locale.ROOT, "warehouse: %s (%.1f s)", warehouse.description(), seconds[0]));
        stage.progress(String.format(Locale.ROOT, "kafka:     %s (%.1f s)", kafka.description(), seconds[1]));
        stage.done("both up, Forkcast's topics created, the warehouse migrated");
    }

    private CityFeed.History landHistory() throws InterruptedException {
        Map<String, String> overrides = new LinkedHashMap<>(settings.city());
        overrides.put("clock.days", String.valueOf(settings.historyDays() + LIVE_DAYS));
        SimulationConfig config = SimulationConfig.withOverrides(overrides);
        Stage stage = log.begin(Role.DATA_ENGINEER, "history through Kafka and the lander", String.format(Locale.ROOT,
                "the city's history -> Kafka -> lander -> raw.events: %d simulated days from %s (seed %d), exactly once",
                settings.historyDays(), config.startDate, settings.seed()));
        city = new CityFeed(config, settings.seed(), settings.historyDays(), settings.speedup(), kafka.bootstrap(),
                warehouse.dataSource(), line -> stage.progress(line));
        city.start();
        CityFeed.History history = city.awaitHistoryLanded(10, TimeUnit.MINUTES);
        stage.done(String.format(Locale.ROOT, "%,d records through Kafka: %,d landed in raw.events, %,d dead letters"
                + " (the city's deliberate bad records)", history.produced(), history.landed(), history.deadLetters()));
        return history;
    }

    /**
     * The API's JVM starts now, beside the ETL: it needs only the warehouse, so its start-up is off the critical path.
     * A background poll notes when it first answers {@code /health}: its own start-up time, shown at stage 6.
     */
    private void startApiServer() {
        long launched = System.nanoTime();
        apiServer = startChild("api", "api", "dev.forkcast.api.ApiServer", List.of("-Xmx1g"), List.of(), line -> { });
        apiHealthy = CompletableFuture.supplyAsync(() -> {
            try {
                api.awaitHealthy(apiServer, Duration.ofMinutes(3));
                return (System.nanoTime() - launched) / 1e9;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the API", e);
            }
        });
        log.note(Role.ML_ENGINEER, "the API's JVM is starting beside the ETL (it answers 503 until a model is trained)");
    }

    private void runEtl() throws InterruptedException {
        Stage stage = log.begin(Role.DATA_ENGINEER, "Spark ETL",
                "Spark ETL (child JVM): raw -> staging -> marts + features, with quality checks");
        JavaChild etl = startEtlJvm(line -> {
            if (line.startsWith("[")) {
                stage.progress(line);
            }
        });
        requireSuccess(etl, "the ETL");
        long analyzeStarted = System.nanoTime();
        analyze();
        stage.progress(String.format(Locale.ROOT, "ANALYZE: the planner's statistics of the new tables, %.1f s",
                (System.nanoTime() - analyzeStarted) / 1e9));
        stage.done("staging, marts and features published, the run recorded in ops.pipeline_runs");
    }

    /**
     * Gathers the planner's statistics of the whole warehouse. Tables the ETL has just filled have none until
     * autovacuum comes by (it looks once a minute, then takes its time), and without them PostgreSQL guesses their
     * sizes and can choose nested loops over tens of thousands of rows: the API's first feature lookups took up to
     * 28 s instead of 1-2 s here. Seconds of ANALYZE once, before anything is served from a brand-new warehouse.
     */
    private void analyze() {
        try (var c = warehouse.dataSource().getConnection(); var s = c.createStatement()) {
            s.execute("ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("ANALYZE of the new warehouse failed: " + e.getMessage(), e);
        }
    }

    /** One ETL run in a child JVM, as {@code ./forkcast etl} runs it (the live phase starts one on a schedule). */
    JavaChild startEtlJvm(Consumer<String> lines) {
        // Spark on Java 17 needs its module openings. C1 only (TieredStopAtLevel=1): Spark's many short jobs on a small
        // city spend more CPU compiling than running; measured on the demo's city (--full, twice each, on a busy
        // machine) C1 took 38 s of CPU against 68-74 s with C2. The pipeline's tests use it for the same reason.
        return startChild("etl", "pipeline", "dev.forkcast.pipeline.job.EtlJob",
                List.of("@" + settings.home().resolve("pipeline").resolve("spark-jvm17.args"), "-Xmx2g",
                        "-XX:TieredStopAtLevel=1"), List.of(), lines);
    }

    private void train() throws InterruptedException {
        Stage stage = log.begin(Role.ML_ENGINEER, "training both models", "Tribuo training (child JVM): delivery-time"
                + " and fraud models from features.*, judged against the world's truth");
        JavaChild trainer = startChild("train", "ml-service", "dev.forkcast.ml.TrainCommand", List.of("-Xmx1g"),
                List.of(), line -> {
                    if (line.startsWith("delivery time ") || line.startsWith("fraud ") || line.contains("registered ")) {
                        stage.progress(line.strip());
                    }
                });
        requireSuccess(trainer, "training");
        stage.done("both models in ml.model_versions, champions chosen by the promotion rule");
    }

    private void awaitApi() throws InterruptedException {
        Stage stage = log.begin(Role.ML_ENGINEER, "the API healthy",
                "the API (Micronaut, child JVM) on port " + settings.apiPort());
        double apiStartSeconds = Futures.join(apiHealthy);
        stage.done(String.format(Locale.ROOT, "healthy at %s (its JVM took %.1f s from launch to /health, beside the"
                + " ETL)", api.baseUrl(), apiStartSeconds));
    }

    private StartUp firstPrediction(CityFeed.History history) throws Exception {
        Stage stage = log.begin(Role.ML_ENGINEER, "first prediction",
                "the first prediction, over HTTP, for a real order of the history");
        long asked = System.nanoTime();
        SampleOrder sample = SampleOrder.latestDelivered(warehouse.dataSource());
        long read = System.nanoTime();
        ApiClient.Answer answer = api.postJson("/api/v1/predictions/delivery-time", sample.deliveryTimeJson());
        long answered = System.nanoTime();
        if (answer.status() != 200 || answer.body() == null) {
            throw new IllegalStateException("the API did not serve a prediction: HTTP " + answer.status() + " "
                    + answer.text());
        }
        double minutes = answer.body().path("minutes").asDouble();
        int version = answer.body().path("modelVersion").asInt();
        stage.progress(String.format(Locale.ROOT, "order %s at %s, placed %s: predicted %.1f min (80%% range %.1f-%.1f)"
                        + " by delivery_time v%d", sample.orderId(), sample.restaurantId(), sample.placedAt(), minutes,
                answer.body().path("low").asDouble(), answer.body().path("high").asDouble(), version));
        stage.progress(String.format(Locale.ROOT, "the world expected %.1f min (the best any model can do: truth.orders)"
                + " and it really took %.1f min", sample.worldExpectedMinutes(), sample.deliveryMinutes()));
        stage.progress(String.format(Locale.ROOT, "(the order read from the marts in %.1f s, the API answered in %.1f s)",
                (read - asked) / 1e9, (answered - read) / 1e9));
        double coldStart = log.sinceLaunch();
        stage.done(String.format(Locale.ROOT, "served: cold start to first prediction %.1f s", coldStart));
        return new StartUp(log.times(), coldStart, Futures.join(apiHealthy), sample, minutes, version, history);
    }

    // --- children -----------------------------------------------------------------------------------------------

    private JavaChild startChild(String name, String module, String main, List<String> jvmArgs, List<String> args,
                                 Consumer<String> lines) {
        JavaChild child = JavaChild.start(name, ModuleClasspath.of(settings.home(), module), main, jvmArgs, args,
                childEnvironment(), logFile(name), lines);
        children.add(child);
        return child;
    }

    /** What every child is told: the demo's warehouse and Kafka, its API port, the repository root. */
    private Map<String, String> childEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>(warehouse.settings().toEnvironment());
        environment.put("FORKCAST_KAFKA_BOOTSTRAP", kafka.bootstrap());
        environment.put("FORKCAST_API_PORT", String.valueOf(settings.apiPort()));
        environment.put("FORKCAST_HOME", settings.home().toString());
        // XGBoost's OpenMP threads sleep between calls instead of spinning: 2 cores are shared by five programs.
        environment.put("OMP_WAIT_POLICY", System.getenv().getOrDefault("OMP_WAIT_POLICY", "PASSIVE"));
        return environment;
    }

    /** Each demo's child logs start empty: the live ETL runs append to theirs, but never to a previous demo's. */
    private void clearLogs() {
        Path logs = settings.stateDirectory().resolve("logs");
        try (var files = java.nio.file.Files.list(logs)) {
            for (Path file : files.toList()) {
                java.nio.file.Files.delete(file);
            }
        } catch (java.nio.file.NoSuchFileException nothingYet) {
            // A first demo: nothing to clear.
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot clear the old logs in " + logs, e);
        }
    }

    Path logFile(String name) {
        return settings.stateDirectory().resolve("logs").resolve(name + ".log");
    }

    private void requireSuccess(JavaChild child, String what) throws InterruptedException {
        int exit = child.awaitExit();
        if (exit != 0) {
            throw new IllegalStateException(what + " failed (exit " + exit + "); its output: "
                    + settings.home().relativize(logFile(child.name()).toAbsolutePath()));
        }
    }

    // --- stopping -----------------------------------------------------------------------------------------------

    /** Stops everything this demo started, children first; safe after a failed start-up, and to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Runnable> steps = new ArrayList<>();
        for (JavaChild child : children) {
            steps.add(() -> child.stop(Duration.ofSeconds(30)));
        }
        steps.add(() -> {
            if (city != null) {
                city.close();
            }
        });
        steps.add(() -> {
            if (kafka != null) {
                kafka.close();
            }
        });
        steps.add(() -> {
            if (warehouse != null) {
                warehouse.close();
            }
        });
        RuntimeException first = null;
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Reads the number of rows of a table, for the status lines and the tour. */
    static long count(javax.sql.DataSource dataSource, String table) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
