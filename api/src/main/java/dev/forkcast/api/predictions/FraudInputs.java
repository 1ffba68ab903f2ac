package dev.forkcast.api.predictions;

import dev.forkcast.warehouse.features.FeatureCatalogue;
import dev.forkcast.warehouse.features.FraudHistory;
import dev.forkcast.warehouse.features.RequestFeatures;
import java.time.Instant;
import java.util.Locale;

/**
 * A request, its customer's history and home as the model's inputs, in {@link FeatureCatalogue#FRAUD} order:
 * the same functions and rules the ETL's {@code FraudFeatures} uses, so serving cannot drift from training.
 */
final class FraudInputs {

    private FraudInputs() {
    }

    /**
     * @param home the account's home as staging keeps it ({@code home_lat_approx}/{@code home_lon_approx})
     */
    static Object[] values(FraudRequest order, Instant placedAt, FraudHistory history, CustomerHomes.Home home) {
        // Staging keeps delivery points rounded to 3 places (~100 m); the trainer's distances came from those.
        Double lat = RequestFeatures.approxCoordinate(order.deliveryLat());
        Double lon = RequestFeatures.approxCoordinate(order.deliveryLon());
        // As the ETL: an account that signed up after the order was not known yet, so no age and no home distance.
        boolean accountKnown = history.accountAgeDays() != null;
        Double kmFromHome = accountKnown ? RequestFeatures.distanceKm(lat, lon, home.lat(), home.lon()) : null;
        Object[] values = {
                RequestFeatures.hourOfDay(placedAt),
                RequestFeatures.isNightOrder(placedAt),
                order.basketValueCents(),
                history.basketRatio(order.basketValueCents()),
                history.accountAgeDays(),
                kmFromHome,
                !FeatureCatalogue.HOME_CARD_COUNTRY.equals(order.cardCountry().toUpperCase(Locale.ROOT)),
                history.accountsOnDevice(),
                order.promoCode() != null && !order.promoCode().isBlank(),
                history.customerOrdersBefore(),
                history.customerRefundsBefore()};
        if (values.length != FeatureCatalogue.FRAUD.features().size()) {
            throw new IllegalStateException("the catalogue changed: update FraudInputs");
        }
        return values;
    }
}
