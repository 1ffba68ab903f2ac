package dev.forkcast.ml.predictions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Reasons by occlusion: score the order again with one feature made unknown at a time; the drop in the
 * score is that feature's contribution. It works the same for any model (trees or linear), needs no
 * access to a model's insides, and reads as a sentence: "without knowing the card was foreign, the risk
 * would be 0.31 lower". It costs one extra prediction per feature, and features that matter only together
 * share their effect unevenly — the price of simplicity (LIME and SHAP are the careful cousins).
 */
public final class Occlusion {

    private Occlusion() {
    }

    /**
     * The {@code top} features whose absence would change {@code score} the most, largest first.
     *
     * @param names the feature names, in value order
     * @param values the order's values ({@code null} = unknown)
     * @param score the model's score of a row of values
     */
    public static List<Reason> reasons(List<String> names, Object[] values, ToDoubleFunction<Object[]> score, int top) {
        double full = score.applyAsDouble(values);
        List<Reason> reasons = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            Object[] without = values.clone();
            without[i] = null;
            reasons.add(new Reason(names.get(i), values[i], full - score.applyAsDouble(without)));
        }
        reasons.sort(Comparator.comparingDouble((Reason r) -> Math.abs(r.contribution())).reversed());
        return List.copyOf(reasons.subList(0, Math.min(top, reasons.size())));
    }
}
