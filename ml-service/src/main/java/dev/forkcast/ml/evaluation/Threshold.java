package dev.forkcast.ml.evaluation;

/**
 * What happens if we block every order scoring at or above {@code threshold}: how many orders we block,
 * how many of them are fraud, how many frauds slip through, and what it all costs per order.
 *
 * <p>{@code threshold} is {@link Double#POSITIVE_INFINITY} for "block nothing" (no finite score reaches
 * it). JSON has no infinity, so write that case as {@code null} when you serialise it.
 */
public record Threshold(double threshold, double expectedCostPerOrder, long blocked, long caughtFraud,
        long missedFraud, long blockedHonest) {

    static Threshold of(double threshold, long caughtFraud, long blockedHonest, long fraud, long orders,
            DecisionCosts costs) {
        long missedFraud = fraud - caughtFraud;
        double totalCost = missedFraud * costs.missedFraud() + blockedHonest * costs.blockedHonestOrder();
        return new Threshold(threshold, totalCost / orders, caughtFraud + blockedHonest, caughtFraud, missedFraud,
                blockedHonest);
    }
}
