package dev.forkcast.warehouse.features;

import java.time.Instant;

/**
 * What the platform knew at {@code at} about an account, its device and the restaurant's usual basket: the
 * history columns of {@code features.fraud}, and the sums {@code basket_ratio} is made of (the ratio needs
 * the new order's basket).
 *
 * @param signedUpAt the account's signup, null for an account the warehouse does not know
 * @param typicalBasketCents the restaurant's baskets in the 30-day window, summed
 * @param typicalBaskets how many baskets that sum holds
 */
public record FraudHistory(Instant at, Instant signedUpAt, int customerOrdersBefore, int customerRefundsBefore,
                           int accountsOnDevice, long typicalBasketCents, long typicalBaskets) {

    private static final double MILLIS_PER_DAY = 86_400_000.0;

    /** {@code account_age_days}: null when the account was not known yet (signed up after {@code at}) or at all. */
    public Double accountAgeDays() {
        if (signedUpAt == null || signedUpAt.isAfter(at)) {
            return null;
        }
        return (at.toEpochMilli() - signedUpAt.toEpochMilli()) / MILLIS_PER_DAY;
    }

    /** {@code basket_ratio}: this basket over the restaurant's average; null without earlier baskets. */
    public Double basketRatio(Long basketValueCents) {
        if (basketValueCents == null || typicalBaskets <= 0 || typicalBasketCents <= 0) {
            return null;
        }
        // The ETL's order of operations (basket x count / sum), so the doubles agree to the last bit.
        return basketValueCents.doubleValue() * typicalBaskets / typicalBasketCents;
    }
}
