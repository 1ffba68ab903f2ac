package dev.forkcast.ml.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.ml.registry.PromotionRule.Decision;
import org.junit.jupiter.api.Test;

class PromotionRuleTest {

    private static final boolean LOWER_IS_BETTER = true;
    private static final boolean HIGHER_IS_BETTER = false;

    @Test
    void theFirstModelBecomesChampion() {
        Decision decision = PromotionRule.decide("test RMSE", LOWER_IS_BETTER, 7.5, null);

        assertTrue(decision.promoted());
        assertEquals(new Decision(Alias.CHAMPION, "no usable champion; test RMSE 7.5000"), decision);
    }

    @Test
    void aLowerErrorThanTheChampionsIsPromoted() {
        Decision decision = PromotionRule.decide("test RMSE", LOWER_IS_BETTER, 7.25, 7.5);

        assertEquals(new Decision(Alias.CHAMPION,
                "beat the champion: test RMSE 7.2500 vs champion's 7.5000 on the same test days"), decision);
    }

    @Test
    void aHigherErrorThanTheChampionsWaitsAsChallenger() {
        Decision decision = PromotionRule.decide("test RMSE", LOWER_IS_BETTER, 7.75, 7.5);

        assertFalse(decision.promoted());
        assertEquals(new Decision(Alias.CHALLENGER,
                "did not beat the champion: test RMSE 7.7500 vs champion's 7.5000 on the same test days"), decision);
    }

    @Test
    void aTieKeepsTheChampion() {
        Decision decision = PromotionRule.decide("test RMSE", LOWER_IS_BETTER, 7.5, 7.5);

        assertEquals(Alias.CHALLENGER, decision.aliasForCandidate());
    }

    @Test
    void aHigherScoreThanTheChampionsIsPromoted() {
        Decision decision = PromotionRule.decide("test PR-AUC", HIGHER_IS_BETTER, 0.625, 0.5);

        assertEquals(new Decision(Alias.CHAMPION,
                "beat the champion: test PR-AUC 0.6250 vs champion's 0.5000 on the same test days"), decision);
    }

    @Test
    void aLowerScoreThanTheChampionsWaitsAsChallenger() {
        Decision decision = PromotionRule.decide("test PR-AUC", HIGHER_IS_BETTER, 0.375, 0.5);

        assertEquals(Alias.CHALLENGER, decision.aliasForCandidate());
    }

    @Test
    void anEqualScoreKeepsTheChampion() {
        Decision decision = PromotionRule.decide("test PR-AUC", HIGHER_IS_BETTER, 0.5, 0.5);

        assertEquals(Alias.CHALLENGER, decision.aliasForCandidate());
    }

    @Test
    void aCandidateWithoutAScoreIsRefused() {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> PromotionRule.decide("test RMSE", LOWER_IS_BETTER, Double.NaN, 7.5));

        assertEquals("the candidate's test RMSE is not a number", refusal.getMessage());
    }
}
