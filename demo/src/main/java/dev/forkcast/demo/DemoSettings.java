package dev.forkcast.demo;

import dev.forkcast.simulator.CommandLine;
import dev.forkcast.warehouse.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything the demo can be told, with defaults that fit the budget: on 2 cores, a cold start to the
 * first served prediction in under two minutes, yet enough history for both models to train.
 *
 * @param home the repository root (modules' classpaths, {@code .forkcast/})
 * @param stateDirectory the demo's own files: Kafka's data, the child JVMs' logs
 * @param historyDays simulated days landed before anything is trained
 * @param city simulator settings on top of {@code city.properties}
 * @param speedup simulated seconds per wall-clock second once live
 * @param etlPause the wait between the end of one live ETL run and the start of the next
 * @param scoreEvery how often the live orders are scored
 * @param database a configured warehouse ({@code FORKCAST_DB_URL}), or null for the demo's own embedded one
 * @param kafkaBootstrap a configured Kafka ({@code FORKCAST_KAFKA_BOOTSTRAP}), or null for the demo's own broker
 */
public record DemoSettings(Path home, Path stateDirectory, int historyDays, long seed, Map<String, String> city,
                           double speedup, Duration etlPause, Duration scoreEvery, int apiPort,
                           DatabaseSettings database, String kafkaBootstrap, int kafkaPort, int kafkaControllerPort) {

    /**
     * 20 days: the fraud model's labels mature after 14 days and its time split needs three more (train, validate,
     * test); 20 gives it five. 3,000 customers, 100 restaurants and 600 orders a day: ~13,000 orders and ~160,000
     * records, which the Spark ETL turns into features in well under a minute on a quiet 2-core machine, and on
     * which the delivery model still comes within 15% of the best possible. A courier ping every 5 minutes instead
     * of every minute: pings are half the records and no feature needs them finer. The same city CI smoke-tests.
     */
    public static final Map<String, String> DEFAULT_CITY = Map.of(
            "city.customers", "3000",
            "city.restaurants", "100",
            "demand.orders_per_day", "600",
            "delivery.ping_interval_seconds", "300");
    public static final int DEFAULT_DAYS = 20;
    /** One simulated hour per real minute: the lunch and dinner peaks pass within a ten-minute tour. */
    public static final double DEFAULT_SPEEDUP = 60;
    /** Two minutes of rest between ETL runs: each run takes about a minute here, and the machine has two cores. */
    public static final Duration DEFAULT_ETL_PAUSE = Duration.ofSeconds(120);
    /** Ten seconds: about ten simulated minutes, a handful of orders per batch at 600 orders a day. */
    public static final Duration DEFAULT_SCORE_EVERY = Duration.ofSeconds(10);

    static final String HELP = """
            Usage: ./forkcast demo [options]

            The whole platform in one command: PostgreSQL and Kafka, a simulated history through Kafka and the
            lander into raw.events, the Spark ETL, both models trained, the API; then the city runs on live
            (ETL and scoring on a schedule) until Ctrl-C.

              --days N            simulated days of history (default 20; the fraud model needs at least 18)
              --seed N            the world's seed (default 42)
              --speedup X         the live city's pace: simulated seconds per real second (default 60)
              --etl-pause S       seconds between one live ETL run and the next (default 120)
              --score-every S     seconds between two rounds of scoring the new orders (default 10)
              --port N            the API's port (default FORKCAST_API_PORT, else 8080)
              --kafka-port N      the demo's own broker's port (default 19192; its controller uses N+1)
              --some.setting V    any simulator setting, e.g. --city.customers 5000

            Uses FORKCAST_DB_URL / FORKCAST_KAFKA_BOOTSTRAP when set (empty ones: the demo builds a new world);
            otherwise the embedded PostgreSQL (database forkcast_demo, new each run) and a broker of its own.
            """;

    private static final Set<String> OWN_OPTIONS = Set.of("days", "seed", "speedup", "etl-pause", "score-every", "port",
            "kafka-port", "help");

    /** The settings a command line and the environment ask for (see {@link #HELP}). */
    public static DemoSettings fromCommandLine(String[] args, Map<String, String> environment, Path home) {
        CommandLine line = CommandLine.parse(args, OWN_OPTIONS);
        Map<String, String> city = new LinkedHashMap<>(DEFAULT_CITY);
        city.putAll(line.settings);
        if (city.containsKey("clock.days") || city.containsKey("clock.speedup")) {
            throw new IllegalArgumentException("give the history's length as --days and the live pace as --speedup");
        }
        int kafkaPort = positive(line.option("kafka-port", String.valueOf(DemoKafka.DEFAULT_PORT)), "--kafka-port");
        String configuredKafka = environment.get("FORKCAST_KAFKA_BOOTSTRAP");
        DatabaseSettings configuredDatabase = DatabaseSettings.fromEnvironment(environment);
        return new DemoSettings(home, home.resolve(".forkcast").resolve("demo"),
                positive(line.option("days", String.valueOf(DEFAULT_DAYS)), "--days"),
                Long.parseLong(line.option("seed", "42")),
                Map.copyOf(city),
                Double.parseDouble(line.option("speedup", String.valueOf(DEFAULT_SPEEDUP))),
                Duration.ofSeconds(positive(line.option("etl-pause", String.valueOf(DEFAULT_ETL_PAUSE.toSeconds())),
                        "--etl-pause")),
                Duration.ofSeconds(positive(line.option("score-every", String.valueOf(DEFAULT_SCORE_EVERY.toSeconds())),
                        "--score-every")),
                positive(line.option("port", environment.getOrDefault("FORKCAST_API_PORT", "8080")), "--port"),
                configuredDatabase.usesEmbeddedServer() ? null : configuredDatabase,
                configuredKafka == null || configuredKafka.isBlank() ? null : configuredKafka.trim(),
                kafkaPort, kafkaPort + 1);
    }

    /** The same settings with another API port (the benchmark takes a free one). */
    public DemoSettings withApiPort(int port) {
        return new DemoSettings(home, stateDirectory, historyDays, seed, city, speedup, etlPause, scoreEvery, port,
                database, kafkaBootstrap, kafkaPort, kafkaControllerPort);
    }

    static boolean wantsHelp(String[] args) {
        return Set.of(args).contains("--help") || Set.of(args).contains("-h");
    }

    private static int positive(String text, String option) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException(option + " must be a positive whole number, got '" + text + "'");
    }
}
