package dev.forkcast.simulator.fraud;

/**
 * What the platform can observe about an order when it is placed, and nothing else. The fraud
 * probability is a function of these alone, so a model that learns them well can approach the best
 * possible ranking.
 *
 * @param accountAgeDays days since the customer signed up
 * @param basketRatio basket value divided by the restaurant's typical basket
 * @param kmFromHome straight-line km between the delivery point and the account's home address
 * @param foreignCard the card was issued outside the city's country
 * @param nightOrder placed between 00:00 and 05:59
 * @param accountsOnDevice accounts that had signed up on the ordering device by then
 * @param promoUsed a promo or referral code was used
 * @param priorRefundRequests refund requests this customer made before this order
 */
public record FraudSignals(
        double accountAgeDays,
        double basketRatio,
        double kmFromHome,
        boolean foreignCard,
        boolean nightOrder,
        int accountsOnDevice,
        boolean promoUsed,
        int priorRefundRequests) {
}
