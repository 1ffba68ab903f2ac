package dev.forkcast.ml.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forkcast.ml.Sql;
import dev.forkcast.ml.SyntheticCity;
import dev.forkcast.ml.datasets.FeatureRow;
import dev.forkcast.ml.datasets.TribuoDatasets;
import dev.forkcast.ml.registry.ModelRegistry.Registration;
import dev.forkcast.ml.training.DeliveryTimeModels;
import dev.forkcast.ml.training.FraudModels;
import dev.forkcast.warehouse.ScratchDatabase;
import dev.forkcast.warehouse.features.FeatureCatalogue;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer.RegressionType;

class ModelRegistryIT {

    private static final String RUN = "train-registry-it";
    private static final Registration REGISTRATION = new Registration(RUN, "xgboost",
            Map.of("trees", 10, "max_depth", 3, "eta", 0.3),
            Map.of("train", Map.of("first_day", "2025-03-01", "last_day", "2025-03-03", "days", 3)),
            Map.of("test_rmse", 4.25, "test_rows", 300.0), null, "git:0123456789ab");

    private static ScratchDatabase database;
    private static List<FeatureRow> deliveries;
    private static Model<Regressor> deliveryModel;
    private static Model<Label> fraudModel;
    private ModelRegistry registry;

    @BeforeAll
    static void trainTwoSmallModels() {
        database = ScratchDatabase.create();
        List<SyntheticCity.Order> orders = SyntheticCity.orders(LocalDate.of(2025, 3, 1), 3, 200, 7);
        deliveries = orders.stream().map(SyntheticCity.Order::deliveryRow).toList();
        List<FeatureRow> frauds = orders.stream().map(SyntheticCity.Order::fraudRow).toList();
        // Ten trees on one thread: enough to be a real model, quick to train.
        deliveryModel = new XGBoostRegressionTrainer(RegressionType.LINEAR, 10, 0.3, 0, 3, 1, 1, 1, 1, 0, 1, true, 42)
                .train(TribuoDatasets.regression(FeatureCatalogue.DELIVERY_TIME, deliveries, "synthetic deliveries"));
        fraudModel = new XGBoostClassificationTrainer(10, 0.3, 0, 3, 1, 1, 1, 1, 0, 1, true, 42)
                .train(TribuoDatasets.classification(FeatureCatalogue.FRAUD, frauds, "synthetic orders", 10f));
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void emptyRegistryWithOneTrainingRun() throws SQLException {
        Sql.execute(database.dataSource(),
                "TRUNCATE ml.alias_history, ml.model_aliases, ml.model_versions, ml.report_files, ml.training_runs");
        new TrainingRunLog(database.dataSource()).started(RUN, "git:0123456789ab");
        registry = new ModelRegistry(database.dataSource());
    }

    @Test
    void aLoadedModelPredictsExactlyWhatItPredictedBeforeItWasSaved() throws SQLException {
        ModelVersion saved = registry.register(ModelKind.DELIVERY_TIME, deliveryModel, REGISTRATION);

        LoadedModel<Regressor> loaded = registry.load(ModelKind.DELIVERY_TIME, saved.version(), Regressor.class);

        assertArrayEquals(DeliveryTimeModels.predict(deliveryModel, deliveries),
                DeliveryTimeModels.predict(loaded.model(), deliveries));
    }

    @Test
    void theModelsOwnProvenanceSurvivesTheRoundTrip() throws SQLException {
        ModelVersion saved = registry.register(ModelKind.DELIVERY_TIME, deliveryModel, REGISTRATION);

        LoadedModel<Regressor> loaded = registry.load(ModelKind.DELIVERY_TIME, saved.version(), Regressor.class);

        assertEquals(deliveryModel.getProvenance(), loaded.model().getProvenance());
    }

    @Test
    void theRegistryRemembersWhereAVersionCameFromAndHowGoodItIs() throws SQLException {
        Registration fraud = new Registration(RUN, "xgboost", Map.of("trees", 10, "fraud_weight", 10.0),
                Map.of("placed_before", "2025-03-04T00:00:00Z"), Map.of("test_pr_auc", 0.375), 0.125, "git:0123456789ab");

        registry.register(ModelKind.FRAUD, fraudModel, fraud);

        ModelVersion stored = registry.load(ModelKind.FRAUD, 1, Label.class).version();
        assertEquals(RUN, stored.trainingRunId());
        assertEquals("xgboost", stored.algorithm());
        assertEquals(ModelCodec.FORMAT_VERSION, stored.formatVersion());
        assertEquals(FeatureCatalogue.FRAUD.featureNames(), stored.featureNames());
        assertEquals(FeatureFingerprint.of(FeatureCatalogue.FRAUD), stored.featureFingerprint());
        assertEquals(XGBoostClassificationTrainer.class.getName(), stored.trainer());
        assertEquals(fraud.hyperparameters(), stored.hyperparameters());
        assertEquals(fraud.dataWindow(), stored.dataWindow());
        assertEquals(fraud.metrics(), stored.metrics());
        assertEquals(0.125, stored.decisionThreshold());
        assertEquals("git:0123456789ab", stored.codeVersion());
    }

    @Test
    void aDeliveryVersionHasNoDecisionThreshold() throws SQLException {
        ModelVersion saved = registry.register(ModelKind.DELIVERY_TIME, deliveryModel, REGISTRATION);

        assertEquals(null, saved.decisionThreshold());
    }

    @Test
    void versionsAreNumberedOneTwoThreeForEachModelOnItsOwn() throws SQLException {
        registry.register(ModelKind.DELIVERY_TIME, deliveryModel, REGISTRATION);
        registry.register(ModelKind.DELIVERY_TIME, deliveryModel, REGISTRATION);

        ModelVersion firstFraud = registry.register(ModelKind.FRAUD, fraudModel, REGISTRATION);

        assertEquals(List.of(1, 2), registry.versions(ModelKind.DELIVERY_TIME).stream().map(ModelVersion::version).toList());
        assertEquals("fraud v1", firstFraud.label());
    }

    @Test
    void anAliasPointsAtTheVersionLastAssignedToIt() throws SQLException {
        registry.register(ModelKind.DELIVERY_TIME, deliveryModel, REGISTRATION);
        registry.register(ModelKind.DELIVERY_TIME, deliveryModel, REGISTRATION);
        registry.assign(ModelKind.DELIVERY_TIME, Alias.CHAMPION, 1, "first model");

        registry.assign(ModelKind.DELIVERY_TIME, Alias.CHAMPION, 2, "beat the champion");

        assertEquals(Optional.of(2), registry.aliased(ModelKind.DELIVERY_TIME, Alias.CHAMPION).map(ModelVersion::version));
        assertEquals(Optional.empty(), registry.aliased(ModelKind.DELIVERY_TIME, Alias.CHALLENGER));
        assertEquals(Optional.empty(), registry.aliased(ModelKind.FRAUD, Alias.CHAMPION));
    }

    @Test
    void theHistoryKeepsEveryMoveWithItsReasonOldestFirst() throws SQLException {
        registry.register(ModelKind.DELIVERY_TIME, deliveryModel, REGISTRATION);
        registry.register(ModelKind.DELIVERY_TIME, deliveryModel, REGISTRATION);
        registry.assign(ModelKind.DELIVERY_TIME, Alias.CHAMPION, 1, "no usable champion");
        registry.assign(ModelKind.DELIVERY_TIME, Alias.CHALLENGER, 2, "did not beat the champion");

        registry.assign(ModelKind.DELIVERY_TIME, Alias.CHAMPION, 2, "rolled forward by hand");

        List<String> moves = registry.history(ModelKind.DELIVERY_TIME).stream()
                .map(change -> change.alias().sqlName() + " v" + change.version() + ": " + change.reason()).toList();
        assertEquals(List.of("champion v1: no usable champion", "challenger v2: did not beat the champion",
                "champion v2: rolled forward by hand"), moves);
    }

    @Test
    void aVersionTrainedWithOtherFeatureDefinitionsIsRefusedWithAdviceToRetrain() throws SQLException {
        registry.register(ModelKind.DELIVERY_TIME, deliveryModel, REGISTRATION);
        Sql.execute(database.dataSource(), "UPDATE ml.model_versions SET feature_fingerprint = 'a0a0a0a0a0a0a0a0a0a0a0a0'"
                + " WHERE model_name = 'delivery_time' AND version = 1");

        IncompatibleModelException refusal = assertThrows(IncompatibleModelException.class,
                () -> registry.load(ModelKind.DELIVERY_TIME, 1, Regressor.class));

        assertEquals("delivery_time v1 was trained with other feature definitions than today's catalogue (fingerprint"
                + " a0a0a0a0a0a0a0a0a0a0a0a0, now " + FeatureFingerprint.of(FeatureCatalogue.DELIVERY_TIME) + "; it knew "
                + FeatureCatalogue.DELIVERY_TIME.featureNames() + "): feeding it today's features would mean something"
                + " else than what it learned. Retrain with ./forkcast train.", refusal.getMessage());
    }

    @Test
    void aVersionStoredInAnotherFileFormatIsRefusedClearly() throws SQLException {
        registry.register(ModelKind.DELIVERY_TIME, deliveryModel, REGISTRATION);
        Sql.execute(database.dataSource(), "UPDATE ml.model_versions SET format_version = 2");

        IncompatibleModelException refusal = assertThrows(IncompatibleModelException.class,
                () -> registry.load(ModelKind.DELIVERY_TIME, 1, Regressor.class));

        assertEquals("model format 2 is not readable by this version of Forkcast (it reads format 1): retrain with"
                + " ./forkcast train", refusal.getMessage());
    }

    @Test
    void aDeliveryModelIsNotLoadedAsAFraudClassifier() throws SQLException {
        registry.register(ModelKind.DELIVERY_TIME, deliveryModel, REGISTRATION);

        IncompatibleModelException refusal = assertThrows(IncompatibleModelException.class,
                () -> registry.load(ModelKind.DELIVERY_TIME, 1, Label.class));

        assertEquals("delivery_time v1 does not predict Label", refusal.getMessage());
    }

    @Test
    void aFraudModelLoadedBackScoresExactlyAsBefore() throws SQLException {
        List<FeatureRow> someOrders = SyntheticCity.orders(LocalDate.of(2025, 4, 1), 1, 50, 8).stream()
                .map(SyntheticCity.Order::fraudRow).toList();
        registry.register(ModelKind.FRAUD, fraudModel, REGISTRATION);

        LoadedModel<Label> loaded = registry.load(ModelKind.FRAUD, 1, Label.class);

        assertArrayEquals(FraudModels.scores(fraudModel, someOrders), FraudModels.scores(loaded.model(), someOrders));
    }
}
