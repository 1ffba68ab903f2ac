package dev.forkcast.ml.evaluation;

import dev.forkcast.ml.datasets.FeatureRow;
import dev.forkcast.ml.evaluation.WorldTruth.OrderTruth;
import dev.forkcast.warehouse.features.FeatureCatalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The fraud model judged on its test days. The headline is its PR-AUC (average precision: if you review
 * orders from the riskiest down, how much of what you review is really fraud, averaged over how much fraud
 * you have found) beside the <em>best possible</em> PR-AUC: ranking by the true probability each order's
 * outcome was drawn from. Even that ranking is not perfect, because a 30% risk order is honest 70% of the
 * time.
 *
 * @param orders test orders
 * @param frauds of which fraud (a chargeback arrived)
 * @param prAuc the model's PR-AUC
 * @param rocAuc the model's ROC-AUC: the chance a random fraud scores above a random honest order
 * @param baselinePrAuc the logistic baseline's PR-AUC
 * @param bestPrAuc ranking by the world's true fraud probability
 * @param bestRocAuc the same, as ROC-AUC
 * @param decision what blocking at the chosen threshold did on the test days
 * @param byWeather PR-AUC per weather (fraud does not care about rain: a check that the model does not either)
 * @param byHour per hour band
 * @param byZone per restaurant zone
 */
public record FraudEvaluation(long orders, long frauds, double prAuc, double rocAuc, double baselinePrAuc,
                              double bestPrAuc, double bestRocAuc, Threshold decision,
                              SortedMap<String, SegmentRanking> byWeather, SortedMap<String, SegmentRanking> byHour,
                              SortedMap<String, SegmentRanking> byZone, List<PrPoint> modelCurve,
                              List<PrPoint> bestCurve) {

    /** Model PR-AUC / best possible PR-AUC: 1.0 is the limit, the target at least 0.85. */
    public double ratioToBest() {
        return prAuc / bestPrAuc;
    }

    /**
     * @param scores the model's scores of {@code test}
     * @param baselineScores the baseline's
     * @param threshold the decision threshold chosen on the validation days
     */
    public static FraudEvaluation of(List<FeatureRow> test, double[] scores, double[] baselineScores,
                                     Map<String, OrderTruth> truth, double threshold, DecisionCosts costs) {
        int hourIndex = FeatureCatalogue.FRAUD.featureNames().indexOf("hour_of_day");
        boolean[] labels = new boolean[test.size()];
        double[] best = new double[test.size()];
        List<String> weather = new ArrayList<>();
        List<String> hours = new ArrayList<>();
        List<String> zones = new ArrayList<>();
        long frauds = 0;
        for (int i = 0; i < labels.length; i++) {
            FeatureRow row = test.get(i);
            labels[i] = row.isPositive();
            frauds += labels[i] ? 1 : 0;
            OrderTruth t = truth.get(row.orderId());
            if (t == null) {
                throw new IllegalStateException("order " + row.orderId() + " has no truth: was it simulated in this"
                        + " warehouse? Evaluation against the world needs truth.orders for every test order.");
            }
            best[i] = t.fraudProbability();
            weather.add(t.weather());
            zones.add(t.zone());
            hours.add(hourBand(((Number) row.values()[hourIndex]).intValue()));
        }
        return new FraudEvaluation(labels.length, frauds, RankingMetrics.prAuc(scores, labels),
                RankingMetrics.rocAuc(scores, labels), RankingMetrics.prAuc(baselineScores, labels),
                RankingMetrics.prAuc(best, labels), RankingMetrics.rocAuc(best, labels),
                ThresholdChoice.evaluate(scores, labels, costs, threshold),
                Segments.ranking(weather, scores, labels), Segments.ranking(hours, scores, labels),
                Segments.ranking(zones, scores, labels), RankingMetrics.prCurve(scores, labels),
                RankingMetrics.prCurve(best, labels));
    }

    /** Hours in four bands: fraud segments need enough orders each to say anything. */
    static String hourBand(int hour) {
        if (hour < 6) {
            return "00-05 night";
        }
        if (hour < 11) {
            return "06-10 morning";
        }
        if (hour < 17) {
            return "11-16 lunch/afternoon";
        }
        return "17-23 evening";
    }

    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("test_rows", (double) orders);
        m.put("test_frauds", (double) frauds);
        m.put("test_pr_auc", prAuc);
        m.put("test_roc_auc", rocAuc);
        m.put("baseline_pr_auc", baselinePrAuc);
        m.put("best_possible_pr_auc", bestPrAuc);
        m.put("best_possible_roc_auc", bestRocAuc);
        m.put("pr_auc_ratio_to_best", ratioToBest());
        m.put("test_cost_per_order", decision.expectedCostPerOrder());
        m.put("test_caught_fraud", (double) decision.caughtFraud());
        m.put("test_blocked_honest", (double) decision.blockedHonest());
        return m;
    }

    public Map<String, String> charts() {
        return Map.of("fraud_pr_curve.svg", SvgCharts.lines("Fraud: precision-recall on the test days", "recall",
                "precision", List.of(curve(modelCurve), curve(bestCurve)),
                List.of(String.format("model (PR-AUC %.3f)", prAuc), String.format("best possible (PR-AUC %.3f)", bestPrAuc)),
                0, 1, 0, 1));
    }

    public String markdown(DecisionCosts costs) {
        StringBuilder md = new StringBuilder();
        md.append(String.format("%,d test orders, %,d fraud (%.2f%%)%n%n", orders, frauds, 100.0 * frauds / orders));
        md.append("| fraud, test days | PR-AUC | ROC-AUC |\n|---|---:|---:|\n");
        md.append(String.format("| model | %.4f | %.4f |%n", prAuc, rocAuc));
        md.append(String.format("| logistic baseline | %.4f | |%n", baselinePrAuc));
        md.append(String.format("| best possible (true probability) | %.4f | %.4f |%n", bestPrAuc, bestRocAuc));
        md.append(String.format("%nPR-AUC ratio to the best possible: **%.3f** (target >= 0.85)%n", ratioToBest()));
        md.append(String.format("%nDecision: block when the score >= %.4f (chosen on the validation days, a missed fraud"
                        + " costing %.0f EUR and a blocked honest order %.0f EUR). On the test days: %,d blocked, %,d of %,d"
                        + " frauds caught, %,d honest orders blocked, %.3f EUR per order.%n", decision.threshold(),
                costs.missedFraud(), costs.blockedHonestOrder(), decision.blocked(), decision.caughtFraud(), frauds,
                decision.blockedHonest(), decision.expectedCostPerOrder()));
        segment(md, "weather", byWeather);
        segment(md, "hour band", byHour);
        segment(md, "restaurant zone", byZone);
        md.append("\n![precision-recall](fraud_pr_curve.svg)\n");
        return md.toString();
    }

    private static void segment(StringBuilder md, String name, SortedMap<String, SegmentRanking> byKey) {
        md.append(String.format("%n| %s | orders | frauds | PR-AUC | ROC-AUC |%n|---|---:|---:|---:|---:|%n", name));
        byKey.forEach((key, s) -> md.append(String.format("| %s | %,d | %,d | %s | %s |%n", key, s.count(), s.positives(),
                s.prAuc() == null ? "n/a" : String.format("%.3f", s.prAuc()),
                s.rocAuc() == null ? "n/a" : String.format("%.3f", s.rocAuc()))));
    }

    private static double[][] curve(List<PrPoint> points) {
        double[][] xy = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            xy[0][i] = points.get(i).recall();
            xy[1][i] = points.get(i).precision();
        }
        return xy;
    }
}
