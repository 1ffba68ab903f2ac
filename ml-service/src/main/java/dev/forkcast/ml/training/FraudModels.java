package dev.forkcast.ml.training;

import dev.forkcast.ml.datasets.FeatureRow;
import dev.forkcast.ml.datasets.TribuoDatasets;
import dev.forkcast.ml.evaluation.RankingMetrics;
import dev.forkcast.warehouse.features.FeatureCatalogue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.transform.TransformTrainer;

/**
 * The fraud model: how likely an order is fraud, from what was known when it was placed. Candidates are
 * gradient-boosted trees over a small grid and a logistic regression baseline. Fraud is rare (~2%), so
 * the score that picks the winner is PR-AUC on the validation days: how well the riskiest orders are
 * really fraud, which accuracy (98% for "never fraud") would hide.
 */
public final class FraudModels {

    public static final long SEED = 42;

    /**
     * The most a fraud example may weigh. Weighting fraud as much as all honest orders together
     * (neg/pos, ~50) is the usual start; the cap keeps a tiny training window from giving a handful of
     * frauds absurd weight.
     */
    static final float MAX_FRAUD_WEIGHT = 50f;

    /** What training produced: the winner, the logistic baseline, every candidate, the fraud weight used. */
    public record Result(Candidate<Label> chosen, Candidate<Label> baseline, List<Candidate<Label>> candidates,
                         float fraudWeight) {
    }

    private FraudModels() {
    }

    /**
     * The grid: shallow trees (fraud signals mostly add up: a new account, a foreign card, a shared
     * device) and more or fewer of them, with a slower learning rate than delivery time because there
     * are few positives to learn from.
     */
    static List<Map<String, Object>> grid() {
        List<Map<String, Object>> grid = new ArrayList<>();
        for (int depth : new int[] {3, 5}) {
            for (int trees : new int[] {200, 400}) {
                Map<String, Object> settings = new LinkedHashMap<>();
                settings.put("trees", trees);
                settings.put("max_depth", depth);
                settings.put("eta", 0.05);
                settings.put("subsample", 0.8);
                settings.put("colsample", 0.8);
                settings.put("min_child_weight", 1.0);
                grid.add(settings);
            }
        }
        return grid;
    }

    /** Weighs fraud examples so both classes count about equally (see {@link #MAX_FRAUD_WEIGHT}). */
    static float fraudWeight(List<FeatureRow> train) {
        long fraud = train.stream().filter(FeatureRow::isPositive).count();
        if (fraud == 0) {
            throw new IllegalArgumentException("the training days hold no fraud label: a fraud model cannot learn"
                    + " (simulate more days, or wait for chargebacks to arrive)");
        }
        return (float) Math.min(MAX_FRAUD_WEIGHT, (train.size() - fraud) / (double) fraud);
    }

    /** Trains every candidate on {@code train}, scores it on {@code validation}, returns the best. */
    public static Result train(List<FeatureRow> train, List<FeatureRow> validation, String dataDescription,
                               Consumer<String> progress) {
        float weight = fraudWeight(train);
        Dataset<Label> dataset = TribuoDatasets.classification(FeatureCatalogue.FRAUD, train, dataDescription, weight);
        boolean[] labels = labels(validation);
        List<Candidate<Label>> candidates = new ArrayList<>();

        Map<String, Object> linear = new LinkedHashMap<>();
        linear.put("loss", "logistic");
        linear.put("optimiser", "adagrad(0.1)");
        linear.put("epochs", 5);
        linear.put("standardised", true);
        linear.put("fraud_weight", weight);
        Candidate<Label> baseline = fit("logistic", linear, logisticTrainer(), dataset, validation, labels);
        progress.accept(baseline.describe("validation PR-AUC"));
        candidates.add(baseline);
        for (Map<String, Object> settings : grid()) {
            settings.put("fraud_weight", weight);
            Candidate<Label> candidate = fit("xgboost", settings, xgboost(settings), dataset, validation, labels);
            progress.accept(candidate.describe("validation PR-AUC"));
            candidates.add(candidate);
        }
        Candidate<Label> chosen = candidates.stream()
                .max(Comparator.comparingDouble(Candidate::validationScore)).orElseThrow();
        return new Result(chosen, baseline, candidates, weight);
    }

    /** The model's fraud score of each row, between 0 and 1 (higher = riskier). */
    public static double[] scores(Model<Label> model, List<FeatureRow> rows) {
        List<Example<Label>> examples = rows.stream()
                .map(row -> TribuoDatasets.fraudExample(FeatureCatalogue.FRAUD, row.values())).toList();
        List<Prediction<Label>> predictions = model.predict(examples);
        return predictions.stream().mapToDouble(FraudModels::fraudScore).toArray();
    }

    /** The score of the fraud label in one prediction. */
    public static double fraudScore(Prediction<Label> prediction) {
        Label fraud = prediction.getOutputScores().get(TribuoDatasets.FRAUD);
        return fraud == null ? 0.0 : fraud.getScore();
    }

    /** The labels of {@code rows} as booleans (true = fraud). */
    public static boolean[] labels(List<FeatureRow> rows) {
        boolean[] labels = new boolean[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rows.get(i).isPositive();
        }
        return labels;
    }

    static XGBoostClassificationTrainer xgboost(Map<String, Object> s) {
        return new XGBoostClassificationTrainer((Integer) s.get("trees"), (Double) s.get("eta"), 0.0,
                (Integer) s.get("max_depth"), (Double) s.get("min_child_weight"), (Double) s.get("subsample"),
                (Double) s.get("colsample"), 1.0, 0.0, Runtime.getRuntime().availableProcessors(), true, SEED);
    }

    /** Logistic regression by stochastic gradient descent on standardised inputs. */
    private static Trainer<Label> logisticTrainer() {
        LinearSGDTrainer sgd = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 5, Integer.MAX_VALUE, 1,
                SEED);
        return new TransformTrainer<>(sgd, Standardisation.of(FeatureCatalogue.FRAUD), true);
    }

    private static Candidate<Label> fit(String algorithm, Map<String, Object> settings, Trainer<Label> trainer,
                                        Dataset<Label> dataset, List<FeatureRow> validation, boolean[] labels) {
        long started = System.nanoTime();
        Model<Label> model = trainer.train(dataset);
        double seconds = (System.nanoTime() - started) / 1e9;
        double prAuc = RankingMetrics.prAuc(scores(model, validation), labels);
        return new Candidate<>(algorithm, settings, model, prAuc, seconds);
    }
}
