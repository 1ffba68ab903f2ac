package dev.forkcast.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forkcast.simulator.truth.OrderTruth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FraudTest {

    @Test
    void fraudRateMatchesTheConfiguredTarget() {
        SimulationConfig config = SimulationConfig.defaults().with("clock.days", "7").with("fraud.target_rate", "0.03");

        SimulationStats stats = SmallCity.run(config, 21).stats();

        // ~21,000 orders: the binomial spread of the rate is about 0.12 points.
        assertEquals(0.03, stats.meanFraudProbability(), 0.001);
        assertEquals(0.03, stats.fraudRate(), 0.004);
    }

    @Test
    void everyPatternOccursAndHonestCustomersAreMostlyHonest() {
        List<OrderTruth> orders = SmallCity.run(SmallCity.config(7), 4).truth().orders;

        Map<String, Long> byPattern = orders.stream().filter(OrderTruth::fraud)
                .collect(Collectors.groupingBy(OrderTruth::fraudPattern, Collectors.counting()));

        assertTrue(byPattern.keySet().containsAll(List.of("stolen_card", "refund_abuse", "account_farm")),
                byPattern.toString());
    }

    @Test
    void rankingByTheTrueProbabilityFindsFraudFarBetterThanChance() {
        List<OrderTruth> orders = SmallCity.run(SmallCity.config(7), 9).truth().orders;
        double baseRate = orders.stream().filter(OrderTruth::fraud).count() / (double) orders.size();

        double precisionAtTop = precisionOfTop(orders, OrderTruth::fraudProbability, 0.02);

        assertTrue(precisionAtTop > 10 * baseRate, "top-2% precision " + precisionAtTop + " vs base " + baseRate);
    }

    @Test
    void driftGrowsAccountFarmsAndShrinksStolenCardsOverTheDays() {
        SimulationConfig drifting = SmallCity.config(28).with("fraud.drift_per_day", "0.08");
        List<OrderTruth> orders = SmallCity.run(drifting, 13).truth().orders;
        long firstWeekEnds = orders.get(0).placedAtMillis() + 7 * 86_400_000L;
        long lastWeekStarts = orders.get(0).placedAtMillis() + 21 * 86_400_000L;

        double farmShareEarly = share(orders, o -> o.placedAtMillis() < firstWeekEnds, "account_farm");
        double farmShareLate = share(orders, o -> o.placedAtMillis() >= lastWeekStarts, "account_farm");

        assertTrue(farmShareLate > 1.5 * farmShareEarly, "farm share early " + farmShareEarly + ", late " + farmShareLate);
    }

    private static double share(List<OrderTruth> orders, java.util.function.Predicate<OrderTruth> window,
                                String pattern) {
        List<OrderTruth> fraud = orders.stream().filter(window).filter(OrderTruth::fraud).toList();
        return fraud.stream().filter(o -> pattern.equals(o.fraudPattern())).count() / (double) fraud.size();
    }

    private static double precisionOfTop(List<OrderTruth> orders, Function<OrderTruth, Double> score, double share) {
        int top = (int) Math.ceil(orders.size() * share);
        return orders.stream().sorted(Comparator.comparing(score).reversed()).limit(top)
                .filter(OrderTruth::fraud).count() / (double) top;
    }
}
