package dev.forkcast.simulator.fraud;

/**
 * The world's fraud function: a logistic model over {@link FraudSignals},
 * {@code p = 1 / (1 + exp(-(intercept + score)))}. The weights are the simulator's "physics" and are
 * written down here for learners to compare with what their models learn. The intercept is
 * calibrated so the share of fraudulent orders matches the configured target.
 */
public final class FraudModel {

    static final double BRAND_NEW_ACCOUNT = 2.2;
    static final double NEW_ACCOUNT = 1.0;
    static final double BASKET_LOG_RATIO = 1.1;
    static final double KM_FROM_HOME = 0.35;
    static final double FOREIGN_CARD = 1.4;
    static final double NIGHT = 0.9;
    static final double LOG2_ACCOUNTS_ON_DEVICE = 0.9;
    static final double PROMO = 0.6;
    static final double PRIOR_REFUND = 1.1;

    private final double intercept;

    public FraudModel(double intercept) {
        this.intercept = intercept;
    }

    public double intercept() {
        return intercept;
    }

    /** The part of the log-odds that depends on the order (everything but the intercept). */
    public static double score(FraudSignals s) {
        double z = 0;
        if (s.accountAgeDays() < 1) {
            z += BRAND_NEW_ACCOUNT;
        } else if (s.accountAgeDays() < 7) {
            z += NEW_ACCOUNT;
        }
        z += BASKET_LOG_RATIO * Math.max(-1, Math.min(2, Math.log(Math.max(1e-3, s.basketRatio()))));
        z += KM_FROM_HOME * Math.min(8, s.kmFromHome());
        z += s.foreignCard() ? FOREIGN_CARD : 0;
        z += s.nightOrder() ? NIGHT : 0;
        z += LOG2_ACCOUNTS_ON_DEVICE * Math.log(Math.max(1, s.accountsOnDevice())) / Math.log(2);
        z += s.promoUsed() ? PROMO : 0;
        z += PRIOR_REFUND * Math.min(4, s.priorRefundRequests());
        return z;
    }

    public double probability(FraudSignals signals) {
        return sigmoid(intercept + score(signals));
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The intercept that makes the average probability over these order scores equal
     * {@code targetRate} (bisection: the average is increasing in the intercept).
     */
    public static double calibrateIntercept(double[] scores, int count, double targetRate) {
        if (count == 0 || targetRate <= 0) {
            return -30;
        }
        if (targetRate >= 1) {
            return 30;
        }
        double low = -30;
        double high = 30;
        for (int iteration = 0; iteration < 60; iteration++) {
            double mid = (low + high) / 2;
            double sum = 0;
            for (int i = 0; i < count; i++) {
                sum += sigmoid(mid + scores[i]);
            }
            if (sum / count < targetRate) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }
}
