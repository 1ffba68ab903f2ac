package dev.forkcast.ml.evaluation;

/**
 * What each kind of wrong fraud decision costs, in euros per order.
 *
 * <p>A missed fraud ({@code missedFraud}) costs the basket we hand over plus the card network's
 * chargeback fee: about 40 EUR for a typical Forkcast order. Blocking an honest order
 * ({@code blockedHonestOrder}) costs the margin we would have earned and a customer who may not come
 * back: about 5 EUR. Because a miss costs eight times a false alarm, the cheapest threshold blocks
 * some honest orders on purpose. Right decisions cost nothing here: catching a fraud or letting an
 * honest order through is the baseline we compare against.
 *
 * <p>These are teaching estimates, not accounting. Change them and the chosen threshold moves, which is
 * the point: the threshold is a business decision, the model only supplies the ranking.
 */
public record DecisionCosts(double missedFraud, double blockedHonestOrder) {

    /** 40 EUR per missed fraud, 5 EUR per blocked honest order (see the class comment for why). */
    public static final DecisionCosts DEFAULT = new DecisionCosts(40, 5);

    public DecisionCosts {
        if (!(missedFraud >= 0 && Double.isFinite(missedFraud))
                || !(blockedHonestOrder >= 0 && Double.isFinite(blockedHonestOrder))) {
            throw new IllegalArgumentException("costs must be finite and not negative, got missedFraud="
                    + missedFraud + ", blockedHonestOrder=" + blockedHonestOrder);
        }
    }
}
