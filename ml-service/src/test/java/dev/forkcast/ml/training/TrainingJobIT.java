package dev.forkcast.ml.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.ml.Sql;
import dev.forkcast.ml.SyntheticCity;
import dev.forkcast.ml.datasets.TimeSplit;
import dev.forkcast.ml.evaluation.DecisionCosts;
import dev.forkcast.ml.registry.Alias;
import dev.forkcast.ml.registry.ModelKind;
import dev.forkcast.ml.registry.ModelRegistry;
import dev.forkcast.ml.registry.ModelVersion;
import dev.forkcast.ml.training.TrainingJob.Outcome;
import dev.forkcast.warehouse.ScratchDatabase;
import dev.forkcast.warehouse.features.FeatureCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.regression.Regressor;

/**
 * {@code ./forkcast train} end to end on a small, easy world: 30 days of 200 orders (fraud labels mature for
 * the first 15 of them), trained twice on the same data.
 */
class TrainingJobIT {

    private static final String RUN = "synthetic-run";

    @TempDir
    static Path reports;

    private static ScratchDatabase database;
    private static ModelRegistry registry;
    private static Outcome first;
    private static Outcome second;
    private static final List<String> lines = new ArrayList<>();

    @BeforeAll
    static void trainTwiceOnTheSameWorld() throws SQLException, IOException {
        database = ScratchDatabase.create();
        registry = new ModelRegistry(database.dataSource());
        insert(SyntheticCity.orders(LocalDate.of(2025, 3, 1), 30, 200, 11));

        first = new TrainingJob(database.dataSource(), reports, DecisionCosts.DEFAULT, lines::add).run();
        second = new TrainingJob(database.dataSource(), reports, DecisionCosts.DEFAULT, lines::add).run();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void theFirstRunRegistersBothModelsAsVersionOneChampions() throws SQLException {
        Optional<Integer> deliveryChampion = registry.aliased(ModelKind.DELIVERY_TIME, Alias.CHAMPION).map(ModelVersion::version);
        Optional<Integer> fraudChampion = registry.aliased(ModelKind.FRAUD, Alias.CHAMPION).map(ModelVersion::version);

        assertEquals("delivery_time v1", first.deliveryVersion().label());
        assertEquals("fraud v1", first.fraudVersion().label());
        assertEquals(Optional.of(1), deliveryChampion);
        assertEquals(Optional.of(1), fraudChampion);
    }

    @Test
    void aRunIsRecordedAsSucceededWithItsSummary() throws SQLException {
        List<String> run = Sql.queryStrings(database.dataSource(), "SELECT status || ' '"
                + " || (summary -> 'delivery_time' ->> 'version') || ' ' || (summary -> 'fraud' ->> 'alias')"
                + " FROM ml.training_runs WHERE run_id = '" + first.runId() + "'");

        assertEquals(List.of("succeeded 1 champion"), run);
    }

    @Test
    void theReportIsStoredInTheRegistryAndOnDisk() throws SQLException {
        List<String> stored = Sql.queryStrings(database.dataSource(), "SELECT name || ' ' || media_type FROM ml.report_files"
                + " WHERE training_run_id = '" + first.runId() + "' ORDER BY name");

        assertEquals(List.of("delivery_error_by_hour.svg image/svg+xml", "delivery_predicted_vs_actual.svg image/svg+xml",
                "fraud_pr_curve.svg image/svg+xml", "report.md text/markdown"), stored);
        for (String name : List.of("report.md", "delivery_error_by_hour.svg", "delivery_predicted_vs_actual.svg",
                "fraud_pr_curve.svg")) {
            assertTrue(Files.isRegularFile(reports.resolve(first.runId()).resolve(name)), name);
        }
    }

    @Test
    void onAnEasyWorldTheDeliveryModelComesCloseToTheBestPossible() {
        double ratio = first.delivery().ratioToBest();

        assertTrue(ratio < 1.3, "RMSE ratio to the best possible " + ratio);
    }

    @Test
    void theDeliveryModelsFinalFitSawTheTrainAndValidationDaysButNoTestDay() throws SQLException {
        ModelVersion stored = registry.version(ModelKind.DELIVERY_TIME, 1).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> rows = (Map<String, Object>) stored.dataWindow().get("rows");
        int trainAndValidation = ((Number) rows.get("train")).intValue() + ((Number) rows.get("validation")).intValue();

        int seen = registry.load(ModelKind.DELIVERY_TIME, 1, Regressor.class).model().getProvenance()
                .getDatasetProvenance().getNumExamples();

        assertEquals("train + validation", stored.dataWindow().get("final_fit"));
        assertEquals(trainAndValidation, seen);
        assertTrue(first.deliverySplit().testDays().stream().allMatch(day -> day.isAfter(
                first.deliverySplit().validationDays().get(first.deliverySplit().validationDays().size() - 1))));
    }

    @Test
    void fraudLearnsOnlyFromOrdersTwoWeeksOlderThanTheNewest() {
        // The newest order is on 30 March, so fraud labels count up to 15 March: 15 days, split 9/3/3.
        TimeSplit matured = new TimeSplit(march(1, 9), march(10, 12), march(13, 15));

        TimeSplit fraudSplit = first.fraudSplit();

        assertEquals(matured, fraudSplit);
    }

    @Test
    void retrainingOnTheSameDataRegistersVersionTwoButDoesNotPromoteIt() throws SQLException {
        Optional<Integer> deliveryChampion = registry.aliased(ModelKind.DELIVERY_TIME, Alias.CHAMPION).map(ModelVersion::version);

        assertEquals(2, second.deliveryVersion().version());
        assertEquals(2, second.fraudVersion().version());
        assertFalse(second.deliveryDecision().promoted(), second.deliveryDecision().reason());
        assertFalse(second.fraudDecision().promoted(), second.fraudDecision().reason());
        assertEquals(Optional.of(1), deliveryChampion);
    }

    @Test
    void retrainingOnTheSameDataGivesExactlyTheSameScoresSoATieKeepsTheChampion() {
        double firstRmse = first.delivery().model().rmse();
        double firstPrAuc = first.fraud().prAuc();

        assertEquals(firstRmse, second.delivery().model().rmse());
        assertEquals(firstPrAuc, second.fraud().prAuc());
    }

    @Test
    void theAliasHistoryShowsChampionV1ThenChallengerV2WithReasons() throws SQLException {
        for (ModelKind kind : ModelKind.values()) {
            List<String> moves = registry.history(kind).stream()
                    .map(change -> change.alias().sqlName() + " v" + change.version() + ": "
                            + change.reason().replaceAll(" [0-9.]+", " #"))
                    .toList();

            String metric = kind == ModelKind.DELIVERY_TIME ? "test RMSE" : "test PR-AUC";
            assertEquals(List.of("champion v1: no usable champion; " + metric + " #",
                    "challenger v2: did not beat the champion: " + metric + " # vs champion's # on the same test days"),
                    moves, kind.registryName());
        }
    }

    private static List<LocalDate> march(int firstDay, int lastDay) {
        return IntStream.rangeClosed(firstDay, lastDay).mapToObj(day -> LocalDate.of(2025, 3, day)).toList();
    }

    /** Writes the world's truth and both feature tables, as the simulator and the ETL would have. */
    private static void insert(List<SyntheticCity.Order> orders) throws SQLException {
        Sql.execute(database.dataSource(), "INSERT INTO truth.simulation_runs (run_id, seed, start_date, days, config,"
                + " started_at) VALUES ('" + RUN + "', 11, DATE '2025-03-01', 30, '{}', now())");
        List<String> delivery = FeatureCatalogue.DELIVERY_TIME.featureNames();
        List<String> fraud = FeatureCatalogue.FRAUD.featureNames();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement truth = connection.prepareStatement("INSERT INTO truth.orders (order_id, run_id, placed_at,"
                     + " restaurant_id, customer_id, weather, expected_delivery_minutes, actual_delivery_minutes,"
                     + " is_cancelled, fraud_probability, is_fraud, fraud_pattern) VALUES (?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?)");
             PreparedStatement deliveryRow = connection.prepareStatement("INSERT INTO features.delivery_time (order_id,"
                     + " placed_at, restaurant_id, " + String.join(", ", delivery) + ", delivery_minutes) VALUES (?, ?, ?"
                     + ", ?".repeat(delivery.size() + 1) + ")");
             PreparedStatement fraudRow = connection.prepareStatement("INSERT INTO features.fraud (order_id, placed_at,"
                     + " customer_id, " + String.join(", ", fraud) + ", is_fraud, label_known_at) VALUES (?, ?, ?"
                     + ", ?".repeat(fraud.size() + 2) + ")")) {
            for (SyntheticCity.Order order : orders) {
                Timestamp placedAt = Timestamp.from(order.placedAt());
                setAll(truth, order.orderId(), RUN, placedAt, order.restaurantId(), order.customerId(), order.weather(),
                        order.expectedMinutes(), order.deliveryMinutes(), order.fraudProbability(), order.isFraud(),
                        order.isFraud() ? "stolen_card" : null);
                setAll(deliveryRow, order.orderId(), placedAt, order.restaurantId());
                setFrom(deliveryRow, 4, order.deliveryValues());
                deliveryRow.setDouble(4 + delivery.size(), order.deliveryMinutes());
                setAll(fraudRow, order.orderId(), placedAt, order.customerId());
                setFrom(fraudRow, 4, order.fraudValues());
                fraudRow.setBoolean(4 + fraud.size(), order.isFraud());
                // The bank's verdict comes days later (what label maturity waits for).
                fraudRow.setTimestamp(5 + fraud.size(),
                        order.isFraud() ? Timestamp.from(order.placedAt().plus(Duration.ofDays(5))) : null);
                truth.addBatch();
                deliveryRow.addBatch();
                fraudRow.addBatch();
            }
            truth.executeBatch();
            deliveryRow.executeBatch();
            fraudRow.executeBatch();
        }
    }

    private static void setAll(PreparedStatement statement, Object... values) throws SQLException {
        setFrom(statement, 1, values);
    }

    private static void setFrom(PreparedStatement statement, int firstIndex, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(firstIndex + i, values[i]);
        }
    }
}
