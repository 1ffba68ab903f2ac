package dev.forkcast.ml.registry;

/**
 * When a newly trained model becomes the champion: only when it beats the current champion on the
 * <em>same</em> test days (both scored on the rows the candidate was judged on), so a model is never
 * promoted because it happened to be tested on easier days. A tie keeps the champion: changing what
 * serves costs something and gains nothing.
 */
public final class PromotionRule {

    /** The verdict and its reason, as stored in the alias history. */
    public record Decision(Alias aliasForCandidate, String reason) {

        public boolean promoted() {
            return aliasForCandidate == Alias.CHAMPION;
        }
    }

    private PromotionRule() {
    }

    /**
     * @param metric the metric's name, for the reason ("test RMSE")
     * @param lowerIsBetter true for errors (RMSE), false for scores (PR-AUC)
     * @param candidate the candidate's value on the test days
     * @param champion the champion's value on the same rows, or {@code null} when there is no usable champion
     */
    public static Decision decide(String metric, boolean lowerIsBetter, double candidate, Double champion) {
        if (Double.isNaN(candidate)) {
            throw new IllegalArgumentException("the candidate's " + metric + " is not a number");
        }
        if (champion == null) {
            return new Decision(Alias.CHAMPION, String.format("no usable champion; %s %.4f", metric, candidate));
        }
        boolean better = lowerIsBetter ? candidate < champion : candidate > champion;
        String comparison = String.format("%s %.4f vs champion's %.4f on the same test days", metric, candidate, champion);
        return better ? new Decision(Alias.CHAMPION, "beat the champion: " + comparison)
                : new Decision(Alias.CHALLENGER, "did not beat the champion: " + comparison);
    }
}
