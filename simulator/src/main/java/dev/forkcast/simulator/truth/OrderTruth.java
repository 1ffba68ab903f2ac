package dev.forkcast.simulator.truth;

/**
 * What the world knows about one order and no model can see: the expected delivery minutes of the
 * generative model and the probability its fraud outcome was drawn from.
 *
 * @param expectedDeliveryMinutes the generative model's expectation; NaN when no courier was on shift
 * @param actualDeliveryMinutes placed to delivered; NaN when the order was cancelled
 * @param fraudPattern the pattern when fraudulent, else null
 */
public record OrderTruth(
        String orderId,
        long placedAtMillis,
        String restaurantId,
        String customerId,
        String weather,
        double expectedDeliveryMinutes,
        double actualDeliveryMinutes,
        boolean cancelled,
        double fraudProbability,
        boolean fraud,
        String fraudPattern) {
}
