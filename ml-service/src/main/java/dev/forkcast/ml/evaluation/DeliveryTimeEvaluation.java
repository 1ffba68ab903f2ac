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
 * The delivery-time model judged on its test days against the world's truth. The headline is the ratio
 * of the model's RMSE to the <em>best possible</em> RMSE: that of a model predicting the simulator's own
 * expected minutes, which still errs by the world's noise (traffic lights, a slow lift). A ratio of 1.0
 * means nothing learnable was left on the table.
 *
 * @param model the model's errors on every test order
 * @param baseline the linear baseline's errors on the same orders
 * @param modelOnTruthRows the model's errors on the orders the simulator has an expectation for
 * @param bestPossible the simulator's expected minutes' errors on those same orders
 * @param byWeather the model's errors per weather
 * @param byHour the model's errors per hour of placement
 * @param bestByHour the best possible errors per hour
 * @param byZone the model's errors per restaurant zone
 */
public record DeliveryTimeEvaluation(RegressionMetrics model, RegressionMetrics baseline,
                                     RegressionMetrics modelOnTruthRows, RegressionMetrics bestPossible,
                                     SortedMap<String, RegressionMetrics> byWeather,
                                     SortedMap<Integer, RegressionMetrics> byHour,
                                     SortedMap<Integer, RegressionMetrics> bestByHour,
                                     SortedMap<String, RegressionMetrics> byZone,
                                     double[] predicted, double[] actual) {

    /** Model RMSE / best possible RMSE on the same orders: 1.0 is perfect, the target is at most 1.15. */
    public double ratioToBest() {
        return modelOnTruthRows.rmse() / bestPossible.rmse();
    }

    public static DeliveryTimeEvaluation of(List<FeatureRow> test, double[] predicted, double[] baselinePredicted,
                                            Map<String, OrderTruth> truth) {
        int hourIndex = FeatureCatalogue.DELIVERY_TIME.featureNames().indexOf("hour_of_day");
        double[] actual = test.stream().mapToDouble(FeatureRow::label).toArray();
        List<Double> modelKnown = new ArrayList<>();
        List<Double> bestKnown = new ArrayList<>();
        List<Double> actualKnown = new ArrayList<>();
        List<Integer> hoursKnown = new ArrayList<>();
        List<String> weather = new ArrayList<>();
        List<Integer> hours = new ArrayList<>();
        List<String> zones = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            FeatureRow row = test.get(i);
            OrderTruth t = truth.get(row.orderId());
            int hour = ((Number) row.values()[hourIndex]).intValue();
            hours.add(hour);
            weather.add(t == null ? "unknown" : t.weather());
            zones.add(t == null ? "unknown" : t.zone());
            if (t != null && t.expectedMinutes() != null) {
                modelKnown.add(predicted[i]);
                bestKnown.add(t.expectedMinutes());
                actualKnown.add(actual[i]);
                hoursKnown.add(hour);
            }
        }
        double[] knownActual = unbox(actualKnown);
        return new DeliveryTimeEvaluation(RegressionMetrics.of(predicted, actual),
                RegressionMetrics.of(baselinePredicted, actual),
                RegressionMetrics.of(unbox(modelKnown), knownActual), RegressionMetrics.of(unbox(bestKnown), knownActual),
                Segments.regression(weather, predicted, actual), Segments.regression(hours, predicted, actual),
                Segments.regression(hoursKnown, unbox(bestKnown), knownActual),
                Segments.regression(zones, predicted, actual), predicted, actual);
    }

    /** The figures the registry keeps with the model version. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("test_rows", (double) model.count());
        m.put("test_rmse", model.rmse());
        m.put("test_mae", model.mae());
        m.put("test_bias", model.meanError());
        m.put("baseline_rmse", baseline.rmse());
        m.put("best_possible_rmse", bestPossible.rmse());
        m.put("best_possible_mae", bestPossible.mae());
        m.put("rmse_ratio_to_best", ratioToBest());
        // The spread of actual minus predicted: what serving quotes as the 80% range around a prediction.
        double[] errors = new double[predicted.length];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = actual[i] - predicted[i];
        }
        java.util.Arrays.sort(errors);
        m.put("test_error_p10", quantile(errors, 0.10));
        m.put("test_error_p90", quantile(errors, 0.90));
        return m;
    }

    /** The report's pictures: file name to SVG. */
    public Map<String, String> charts() {
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("delivery_predicted_vs_actual.svg", SvgCharts.scatter("Delivery time: predicted vs actual (test days)",
                "predicted minutes", "actual minutes", predicted, actual, true));
        List<String> labels = new ArrayList<>();
        double[] modelRmse = new double[byHour.size()];
        double[] bestRmse = new double[byHour.size()];
        int i = 0;
        for (Map.Entry<Integer, RegressionMetrics> hour : byHour.entrySet()) {
            labels.add(String.valueOf(hour.getKey()));
            modelRmse[i] = hour.getValue().rmse();
            RegressionMetrics best = bestByHour.get(hour.getKey());
            bestRmse[i++] = best == null ? Double.NaN : best.rmse();
        }
        charts.put("delivery_error_by_hour.svg", SvgCharts.bars("Delivery time: RMSE by hour of placement (test days)",
                "hour of day", "RMSE (minutes)", labels, List.of(modelRmse, bestRmse),
                List.of("model", "best possible (the world's noise)")));
        return charts;
    }

    /** The report's section, in Markdown. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| delivery time, test days | orders | RMSE (min) | MAE (min) | bias (min) |\n|---|---:|---:|---:|---:|\n");
        row(md, "model", model);
        row(md, "linear baseline", baseline);
        row(md, "model (orders with a truth)", modelOnTruthRows);
        row(md, "best possible (simulator's expectation)", bestPossible);
        md.append(String.format("%nRMSE ratio to the best possible: **%.3f** (1.0 = nothing learnable left; target <= 1.15)%n",
                ratioToBest()));
        segment(md, "weather", byWeather);
        segment(md, "hour of placement", byHour);
        segment(md, "restaurant zone", byZone);
        md.append("\n![predicted vs actual](delivery_predicted_vs_actual.svg)\n![error by hour](delivery_error_by_hour.svg)\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String name, RegressionMetrics m) {
        md.append(String.format("| %s | %,d | %.2f | %.2f | %+.2f |%n", name, m.count(), m.rmse(), m.mae(), m.meanError()));
    }

    private static <K> void segment(StringBuilder md, String name, SortedMap<K, RegressionMetrics> byKey) {
        md.append(String.format("%n| %s | orders | RMSE | MAE |%n|---|---:|---:|---:|%n", name));
        byKey.forEach((key, m) -> md.append(String.format("| %s | %,d | %.2f | %.2f |%n", key, m.count(), m.rmse(), m.mae())));
    }

    /** The q-quantile of sorted values, interpolating between neighbours. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static double[] unbox(List<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).toArray();
    }
}
