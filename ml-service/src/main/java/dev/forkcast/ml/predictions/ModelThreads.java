package dev.forkcast.ml.predictions;

import org.tribuo.Model;
import org.tribuo.common.xgboost.XGBoostModel;

/** Serving settings of a loaded model. */
final class ModelThreads {

    private ModelThreads() {
    }

    /**
     * One thread per prediction: XGBoost otherwise starts its OpenMP team for every single-row call, which
     * costs milliseconds per request on a small machine; a server gets its parallelism from requests.
     */
    static void forServing(Model<?> model) {
        if (model instanceof XGBoostModel<?> xgboost) {
            xgboost.setNumThreads(1);
        }
    }
}
