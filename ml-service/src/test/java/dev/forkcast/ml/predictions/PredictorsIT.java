package dev.forkcast.ml.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.ml.Sql;
import dev.forkcast.ml.SyntheticCity;
import dev.forkcast.ml.datasets.FeatureRow;
import dev.forkcast.ml.datasets.PlanEstimate;
import dev.forkcast.ml.datasets.TribuoDatasets;
import dev.forkcast.ml.registry.Alias;
import dev.forkcast.ml.registry.ModelKind;
import dev.forkcast.ml.registry.ModelRegistry;
import dev.forkcast.ml.registry.ModelRegistry.Registration;
import dev.forkcast.ml.registry.ModelVersion;
import dev.forkcast.ml.registry.TrainingRunLog;
import dev.forkcast.ml.training.DeliveryTimeModels;
import dev.forkcast.ml.training.FraudModels;
import dev.forkcast.warehouse.ScratchDatabase;
import dev.forkcast.warehouse.features.FeatureCatalogue;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer.RegressionType;

/** The predictors the API serves with, over champions loaded from a real registry. */
class PredictorsIT {

    private static final String RUN = "train-predictors-it";

    private static ScratchDatabase database;
    private static List<SyntheticCity.Order> orders;
    private static Model<Regressor> deliveryModel;
    private static ModelRegistry registry;

    @BeforeAll
    static void registerTwoChampions() throws SQLException {
        database = ScratchDatabase.create();
        orders = SyntheticCity.orders(LocalDate.of(2025, 3, 1), 3, 200, 11);
        List<FeatureRow> deliveries = orders.stream().map(SyntheticCity.Order::deliveryRow).toList();
        List<FeatureRow> frauds = orders.stream().map(SyntheticCity.Order::fraudRow).toList();
        deliveryModel = new XGBoostRegressionTrainer(RegressionType.LINEAR, 20, 0.3, 0, 3, 1, 1, 1, 1, 0, 1, true, 42)
                .train(TribuoDatasets.deliveryCorrections(deliveries, "synthetic deliveries"));
        Model<Label> fraudModel = new XGBoostClassificationTrainer(20, 0.3, 0, 3, 1, 1, 1, 1, 0, 1, true, 42)
                .train(TribuoDatasets.classification(FeatureCatalogue.FRAUD, frauds, "synthetic orders", 10f));
        new TrainingRunLog(database.dataSource()).started(RUN, "git:test");
        registry = new ModelRegistry(database.dataSource());
        ModelVersion delivery = registry.register(ModelKind.DELIVERY_TIME, deliveryModel, new Registration(RUN, "xgboost",
                Map.of("trees", 20), Map.of(), Map.of("test_rmse", 4.0, "test_error_p10", -5.0, "test_error_p90", 6.0),
                null, "git:test"));
        ModelVersion fraud = registry.register(ModelKind.FRAUD, fraudModel, new Registration(RUN, "xgboost",
                Map.of("trees", 20), Map.of(), Map.of("test_pr_auc", 0.5), 0.4, "git:test"));
        registry.assign(ModelKind.DELIVERY_TIME, Alias.CHAMPION, delivery.version(), "test");
        registry.assign(ModelKind.FRAUD, Alias.CHAMPION, fraud.version(), "test");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void servedMinutesEqualWhatTrainingPredictsForTheSameOrders() throws SQLException {
        DeliveryTimePredictor served = DeliveryTimePredictor.champion(registry).orElseThrow();
        List<FeatureRow> rows = orders.subList(0, 50).stream().map(SyntheticCity.Order::deliveryRow).toList();

        List<DeliveryTimePrediction> predictions = served.predictAll(rows.stream().map(FeatureRow::values).toList());

        double[] trained = DeliveryTimeModels.predict(deliveryModel, rows);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(trained[i], predictions.get(i).minutes(), 0.0, rows.get(i).orderId());
        }
    }

    @Test
    void servedMinutesAreThePlanPlusTheModelsCorrection() throws SQLException {
        DeliveryTimePredictor served = DeliveryTimePredictor.champion(registry).orElseThrow();
        for (SyntheticCity.Order order : orders.subList(0, 20)) {
            Object[] values = order.deliveryValues();
            Regressor correction = deliveryModel.predict(TribuoDatasets.deliveryExample(FeatureCatalogue.DELIVERY_TIME,
                    values)).getOutput();

            assertEquals(PlanEstimate.TARGET, correction.getNames()[0]);
            assertEquals(PlanEstimate.of(values) + correction.getValues()[0], served.predict(values).minutes(), 1e-9,
                    order.orderId());
        }
    }

    @Test
    void aPredictionQuotesItsRangeFromTheTestErrorsAndNamesItsVersionAndInputs() throws SQLException {
        SyntheticCity.Order order = orders.get(7);

        DeliveryTimePrediction p = DeliveryTimePredictor.champion(registry).orElseThrow().predict(order.deliveryValues());

        assertEquals(p.minutes() - 5.0, p.low(), 1e-9);
        assertEquals(p.minutes() + 6.0, p.high(), 1e-9);
        assertEquals(1, p.modelVersion());
        assertEquals(FeatureCatalogue.DELIVERY_TIME.featureNames(), List.copyOf(p.features().keySet()));
        assertEquals(order.deliveryValues()[6], p.features().get("distance_km"));
    }

    @Test
    void aFraudAnswerBlocksAtTheVersionsThresholdAndGivesThreeReasonsLargestFirst() throws SQLException {
        FraudPredictor served = FraudPredictor.champion(registry).orElseThrow();

        for (SyntheticCity.Order order : orders.subList(0, 40)) {
            FraudPrediction p = served.predict(order.fraudValues());

            assertEquals(p.score() >= 0.4, p.block(), order.orderId());
            assertEquals(0.4, p.threshold());
            assertEquals(FraudPredictor.REASONS, p.reasons().size());
            for (int i = 1; i < p.reasons().size(); i++) {
                assertTrue(Math.abs(p.reasons().get(i - 1).contribution()) >= Math.abs(p.reasons().get(i).contribution()));
            }
        }
    }

    @Test
    void theScoreServedIsTheScoreTrainingComputes() throws SQLException {
        List<FeatureRow> rows = orders.subList(0, 30).stream().map(SyntheticCity.Order::fraudRow).toList();
        FraudPredictor served = FraudPredictor.champion(registry).orElseThrow();
        Model<Label> champion = registry.loadAliased(ModelKind.FRAUD, Alias.CHAMPION, Label.class).orElseThrow().model();

        double[] trained = FraudModels.scores(champion, rows);

        for (int i = 0; i < rows.size(); i++) {
            assertEquals(trained[i], served.predict(rows.get(i).values()).score(), 0.0, rows.get(i).orderId());
        }
    }

    @Test
    void noChampionMeansNoPredictor() throws SQLException {
        Sql.execute(database.dataSource(), "DELETE FROM ml.model_aliases WHERE model_name = 'delivery_time'");
        try {
            assertTrue(DeliveryTimePredictor.champion(registry).isEmpty());
        } finally {
            registry.assign(ModelKind.DELIVERY_TIME, Alias.CHAMPION, 1, "test");
        }
    }
}
