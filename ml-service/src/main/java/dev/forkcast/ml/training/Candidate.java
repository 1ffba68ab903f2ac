package dev.forkcast.ml.training;

import java.util.Map;
import org.tribuo.Model;

/**
 * One trained model among those compared on the validation days.
 *
 * @param algorithm e.g. {@code xgboost} or {@code linear}
 * @param hyperparameters the settings it was trained with, as the registry records them
 * @param model the trained model
 * @param validationScore its score on the validation days (RMSE for delivery time: lower is better; PR-AUC
 *     for fraud: higher is better)
 * @param trainSeconds how long training took
 */
public record Candidate<T extends org.tribuo.Output<T>>(String algorithm, Map<String, Object> hyperparameters,
                                                        Model<T> model, double validationScore, double trainSeconds) {

    /** One line for progress output. */
    public String describe(String scoreName) {
        return String.format("%-7s %-52s %s %.4f (%.1f s)", algorithm, hyperparameters, scoreName, validationScore,
                trainSeconds);
    }
}
