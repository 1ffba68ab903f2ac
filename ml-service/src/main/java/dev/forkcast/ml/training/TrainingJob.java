package dev.forkcast.ml.training;

import dev.forkcast.ml.datasets.FeatureRow;
import dev.forkcast.ml.datasets.FeatureTableReader;
import dev.forkcast.ml.datasets.TimeSplit;
import dev.forkcast.ml.datasets.TimeSplit.Part;
import dev.forkcast.ml.evaluation.DecisionCosts;
import dev.forkcast.ml.evaluation.DeliveryTimeEvaluation;
import dev.forkcast.ml.evaluation.FraudEvaluation;
import dev.forkcast.ml.evaluation.RankingMetrics;
import dev.forkcast.ml.evaluation.RegressionMetrics;
import dev.forkcast.ml.evaluation.Threshold;
import dev.forkcast.ml.evaluation.ThresholdChoice;
import dev.forkcast.ml.evaluation.WorldTruth;
import dev.forkcast.ml.registry.Alias;
import dev.forkcast.ml.registry.CodeVersion;
import dev.forkcast.ml.registry.IncompatibleModelException;
import dev.forkcast.ml.registry.LoadedModel;
import dev.forkcast.ml.registry.ModelKind;
import dev.forkcast.ml.registry.ModelRegistry;
import dev.forkcast.ml.registry.ModelVersion;
import dev.forkcast.ml.registry.PromotionRule;
import dev.forkcast.ml.registry.PromotionRule.Decision;
import dev.forkcast.ml.registry.TrainingRunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * One training run of both models, end to end: read the feature tables, split by time, train the
 * candidates, judge the winner on the test days against the world's truth, register it with its
 * provenance, and promote it only if it beats the champion on the same test days. Writes a report
 * (Markdown and SVG charts) to the registry and to {@code reportRoot/<run id>/}.
 */
public final class TrainingJob {

    /** The share of days held out for validation, and the same again for test. */
    public static final double HOLDOUT_SHARE = 0.2;

    /** What a run produced. */
    public record Outcome(String runId, TimeSplit deliverySplit, DeliveryTimeEvaluation delivery,
                          ModelVersion deliveryVersion, Decision deliveryDecision, TimeSplit fraudSplit,
                          FraudEvaluation fraud, ModelVersion fraudVersion, Decision fraudDecision, Path report,
                          double seconds) {
    }

    private final DataSource dataSource;
    private final Path reportRoot;
    private final Consumer<String> progress;
    private final DecisionCosts costs;

    public TrainingJob(DataSource dataSource, Path reportRoot, DecisionCosts costs, Consumer<String> progress) {
        this.dataSource = dataSource;
        this.reportRoot = reportRoot;
        this.costs = costs;
        this.progress = progress;
    }

    public Outcome run() throws SQLException, IOException {
        long started = System.nanoTime();
        String runId = "train-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").format(Instant.now().atOffset(ZoneOffset.UTC));
        String code = CodeVersion.current();
        TrainingRunLog log = new TrainingRunLog(dataSource);
        log.started(runId, code);
        try {
            Outcome outcome = train(runId, code, log, started);
            log.succeeded(runId, summary(outcome));
            return outcome;
        } catch (SQLException | IOException | RuntimeException e) {
            log.failed(runId, e);
            throw e;
        }
    }

    private Outcome train(String runId, String code, TrainingRunLog log, long started) throws SQLException, IOException {
        FeatureTableReader reader = new FeatureTableReader(dataSource);
        ModelRegistry registry = new ModelRegistry(dataSource);
        WorldTruth world = new WorldTruth(dataSource);

        // Delivery time: every delivered order has its label.
        List<FeatureRow> deliveryRows = reader.deliveryTimeRows();
        TimeSplit deliverySplit = TimeSplit.byDays(deliveryRows.stream().map(FeatureRow::day).toList(), HOLDOUT_SHARE);
        List<FeatureRow> dTrain = deliverySplit.rowsOf(Part.TRAIN, deliveryRows);
        List<FeatureRow> dValid = deliverySplit.rowsOf(Part.VALIDATION, deliveryRows);
        List<FeatureRow> dTest = deliverySplit.rowsOf(Part.TEST, deliveryRows);
        progress.accept(String.format("[ML engineer] delivery time: %,d delivered orders; train %s, validate %s, test %s",
                deliveryRows.size(), span(deliverySplit.trainDays(), dTrain), span(deliverySplit.validationDays(), dValid),
                span(deliverySplit.testDays(), dTest)));
        DeliveryTimeModels.Result d = DeliveryTimeModels.train(dTrain, dValid,
                "features.delivery_time, train days " + deliverySplit.describe().get("train"),
                "features.delivery_time, train and validation days " + deliverySplit.describe().get("train") + " + "
                        + deliverySplit.describe().get("validation"), line -> progress.accept("  " + line));
        double[] dPredicted = DeliveryTimeModels.predict(d.chosen().model(), dTest);
        DeliveryTimeEvaluation deliveryEval = DeliveryTimeEvaluation.of(dTest, dPredicted,
                DeliveryTimeModels.predict(d.baseline().model(), dTest), world.of(dTest.stream().map(FeatureRow::orderId).toList()));
        progress.accept(String.format("  chose %s; test RMSE %.2f min vs best possible %.2f: ratio %.3f (target <= 1.15)",
                d.chosen().algorithm(), deliveryEval.model().rmse(), deliveryEval.bestPossible().rmse(), deliveryEval.ratioToBest()));
        Map<String, Double> dMetrics = new LinkedHashMap<>(deliveryEval.metrics());
        dMetrics.put("validation_rmse", d.chosen().validationScore());
        ModelVersion deliveryVersion = registry.register(ModelKind.DELIVERY_TIME, d.chosen().model(), new ModelRegistry.Registration(
                runId, d.chosen().algorithm(), d.chosen().hyperparameters(), refitWindow(deliverySplit, dTrain, dValid, dTest),
                dMetrics, null, code));
        Double championRmse = championScore(registry, ModelKind.DELIVERY_TIME, deliveryVersion, champion -> {
            @SuppressWarnings("unchecked")
            LoadedModel<Regressor> model = (LoadedModel<Regressor>) champion;
            return RegressionMetrics.of(DeliveryTimeModels.predict(model.model(), dTest), deliveryEval.actual()).rmse();
        });
        Decision deliveryDecision = promote(registry, ModelKind.DELIVERY_TIME, deliveryVersion,
                PromotionRule.decide("test RMSE", true, deliveryEval.model().rmse(), championRmse));

        // Fraud: only orders old enough for their chargeback to have arrived.
        Instant matured = reader.fraudLabelsMaturedBefore().orElseThrow(
                () -> new IllegalStateException("features.fraud is empty: run ./forkcast etl first"));
        List<FeatureRow> fraudRows = reader.fraudRows(matured);
        TimeSplit fraudSplit = TimeSplit.byDays(fraudRows.stream().map(FeatureRow::day).toList(), HOLDOUT_SHARE);
        List<FeatureRow> fTrain = fraudSplit.rowsOf(Part.TRAIN, fraudRows);
        List<FeatureRow> fValid = fraudSplit.rowsOf(Part.VALIDATION, fraudRows);
        List<FeatureRow> fTest = fraudSplit.rowsOf(Part.TEST, fraudRows);
        progress.accept(String.format("[ML engineer] fraud: %,d orders placed before %s (labels matured %d days);"
                        + " train %s, validate %s, test %s", fraudRows.size(), matured,
                FeatureTableReader.FRAUD_LABEL_MATURITY.toDays(), span(fraudSplit.trainDays(), fTrain),
                span(fraudSplit.validationDays(), fValid), span(fraudSplit.testDays(), fTest)));
        FraudModels.Result f = FraudModels.train(fTrain, fValid, "features.fraud, train days "
                + fraudSplit.describe().get("train"), line -> progress.accept("  " + line));
        Threshold threshold = ThresholdChoice.choose(FraudModels.scores(f.chosen().model(), fValid),
                FraudModels.labels(fValid), costs);
        double[] fScores = FraudModels.scores(f.chosen().model(), fTest);
        FraudEvaluation fraudEval = FraudEvaluation.of(fTest, fScores, FraudModels.scores(f.baseline().model(), fTest),
                world.of(fTest.stream().map(FeatureRow::orderId).toList()), threshold.threshold(), costs);
        progress.accept(String.format("  chose %s; test PR-AUC %.3f vs best possible %.3f: ratio %.3f (target >= 0.85);"
                        + " threshold %.4f", f.chosen().algorithm(), fraudEval.prAuc(), fraudEval.bestPrAuc(),
                fraudEval.ratioToBest(), threshold.threshold()));
        Map<String, Double> fMetrics = new LinkedHashMap<>(fraudEval.metrics());
        fMetrics.put("validation_pr_auc", f.chosen().validationScore());
        Map<String, Object> fSettings = new LinkedHashMap<>(f.chosen().hyperparameters());
        fSettings.put("cost_missed_fraud_eur", costs.missedFraud());
        fSettings.put("cost_blocked_honest_eur", costs.blockedHonestOrder());
        ModelVersion fraudVersion = registry.register(ModelKind.FRAUD, f.chosen().model(), new ModelRegistry.Registration(
                runId, f.chosen().algorithm(), fSettings, window(fraudSplit, fTrain, fValid, fTest, matured), fMetrics,
                threshold.threshold(), code));
        boolean[] fLabels = FraudModels.labels(fTest);
        Double championPrAuc = championScore(registry, ModelKind.FRAUD, fraudVersion, champion -> {
            @SuppressWarnings("unchecked")
            LoadedModel<Label> model = (LoadedModel<Label>) champion;
            return RankingMetrics.prAuc(FraudModels.scores(model.model(), fTest), fLabels);
        });
        Decision fraudDecision = promote(registry, ModelKind.FRAUD, fraudVersion,
                PromotionRule.decide("test PR-AUC", false, fraudEval.prAuc(), championPrAuc));

        double seconds = (System.nanoTime() - started) / 1e9;
        Outcome outcome = new Outcome(runId, deliverySplit, deliveryEval, deliveryVersion, deliveryDecision, fraudSplit,
                fraudEval, fraudVersion, fraudDecision, reportRoot.resolve(runId), seconds);
        writeReport(log, outcome);
        return outcome;
    }

    /** The champion's score on the candidate's test rows, or null when there is none or it no longer fits. */
    private Double championScore(ModelRegistry registry, ModelKind kind, ModelVersion candidate,
                                 java.util.function.Function<LoadedModel<?>, Double> score) throws SQLException {
        Optional<ModelVersion> champion = registry.aliased(kind, Alias.CHAMPION);
        if (champion.isEmpty()) {
            return null;
        }
        try {
            LoadedModel<?> loaded = kind == ModelKind.DELIVERY_TIME
                    ? registry.load(kind, champion.get().version(), Regressor.class)
                    : registry.load(kind, champion.get().version(), Label.class);
            double value = score.apply(loaded);
            progress.accept(String.format("  champion %s on the same test days: %.4f", champion.get().label(), value));
            return value;
        } catch (IncompatibleModelException e) {
            progress.accept("  champion " + champion.get().label() + " cannot be compared: " + e.getMessage());
            return null;
        }
    }

    private Decision promote(ModelRegistry registry, ModelKind kind, ModelVersion candidate, Decision decision)
            throws SQLException {
        registry.assign(kind, decision.aliasForCandidate(), candidate.version(), decision.reason());
        progress.accept(String.format("  registered %s as %s: %s", candidate.label(), decision.aliasForCandidate().sqlName(),
                decision.reason()));
        return decision;
    }

    private static Map<String, Object> window(TimeSplit split, List<FeatureRow> train, List<FeatureRow> valid,
                                              List<FeatureRow> test, Instant labelsMaturedBefore) {
        Map<String, Object> window = new LinkedHashMap<>(split.describe());
        window.put("rows", Map.of("train", train.size(), "validation", valid.size(), "test", test.size()));
        if (labelsMaturedBefore != null) {
            window.put("placed_before", labelsMaturedBefore.toString());
        }
        return window;
    }

    /** The delivery model's window: as {@link #window}, and which days its final fit saw. */
    private static Map<String, Object> refitWindow(TimeSplit split, List<FeatureRow> train, List<FeatureRow> valid,
                                                   List<FeatureRow> test) {
        Map<String, Object> window = window(split, train, valid, test, null);
        window.put("final_fit", "train + validation");
        return window;
    }

    private static String span(List<java.time.LocalDate> days, List<FeatureRow> rows) {
        return String.format("%s..%s (%d days, %,d rows)", days.get(0), days.get(days.size() - 1), days.size(), rows.size());
    }

    private void writeReport(TrainingRunLog log, Outcome o) throws IOException, SQLException {
        StringBuilder md = new StringBuilder();
        md.append("# Training run ").append(o.runId()).append("\n\n");
        md.append(String.format("Delivery time: %s, %s. Fraud: %s, %s.%n%n", o.deliveryVersion().label(),
                o.deliveryDecision().reason(), o.fraudVersion().label(), o.fraudDecision().reason()));
        md.append("## Delivery time\n\n").append(o.delivery().markdown()).append("\n## Fraud\n\n")
                .append(o.fraud().markdown(costs));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("report.md", md.toString());
        files.putAll(o.delivery().charts());
        files.putAll(o.fraud().charts());
        Files.createDirectories(o.report());
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(o.report().resolve(file.getKey()), file.getValue());
            log.saveFile(o.runId(), file.getKey(), file.getKey().endsWith(".svg") ? "image/svg+xml" : "text/markdown",
                    file.getValue());
        }
    }

    private static Map<String, Object> summary(Outcome o) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("delivery_time", Map.of("version", o.deliveryVersion().version(), "split", o.deliverySplit().describe(),
                "metrics", o.delivery().metrics(), "alias", o.deliveryDecision().aliasForCandidate().sqlName(),
                "reason", o.deliveryDecision().reason()));
        summary.put("fraud", Map.of("version", o.fraudVersion().version(), "split", o.fraudSplit().describe(),
                "metrics", o.fraud().metrics(), "alias", o.fraudDecision().aliasForCandidate().sqlName(),
                "reason", o.fraudDecision().reason()));
        summary.put("seconds", o.seconds());
        return summary;
    }
}
