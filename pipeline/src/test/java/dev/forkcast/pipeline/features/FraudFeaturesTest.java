package dev.forkcast.pipeline.features;

import static dev.forkcast.pipeline.features.History.NOON;
import static dev.forkcast.pipeline.features.History.daysBefore;
import static dev.forkcast.pipeline.features.History.minutesBefore;
import static dev.forkcast.pipeline.features.History.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.forkcast.warehouse.features.FeatureCatalogue;
import dev.forkcast.warehouse.features.RequestFeatures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class FraudFeaturesTest {

    private static final Duration ONE_MILLI = Duration.ofMillis(1);

    private static History cityWithTwoRestaurants() {
        return new History()
                .restaurant("r1", 52.090, 5.120, 15, 4)
                .restaurant("r2", 52.100, 5.100, 20, 6);
    }

    @Test
    void theColumnsAreTheCataloguesInTableOrderThenWhenTheLabelWasKnown() {
        History history = cityWithTwoRestaurants();
        history.order("o1", "r1", "c1", NOON);

        String[] columns = FraudFeatures.build(history.fctOrders(), history.orderEvents(), history.paymentEvents(),
                history.customers()).columns();

        List<String> expected = new ArrayList<>(FeatureCatalogue.FRAUD.keyColumns());
        expected.addAll(FeatureCatalogue.FRAUD.featureNames());
        expected.add(FeatureCatalogue.FRAUD.label());
        expected.add("label_known_at");
        assertEquals(expected, Arrays.asList(columns));
    }

    @Test
    void basketRatioComparesWithTheRestaurantsBasketsReceivedInTheThirtyDaysBeforeStartIncludedEndExcluded() {
        History history = cityWithTwoRestaurants();
        Duration month = Duration.ofDays(30);
        history.order("at-window-start", "r1", "c2", NOON.minus(month)).basket(1_000L);
        history.order("just-before-window", "r1", "c2", NOON.minus(month).minus(ONE_MILLI)).basket(90_000L);
        history.order("just-before-noon", "r1", "c2", NOON.minus(ONE_MILLI)).basket(2_000L);
        history.order("without-basket", "r1", "c2", minutesBefore(NOON, 5)).basket(null);
        history.order("at-noon", "r1", "c2", NOON).basket(90_000L);
        history.order("other-restaurant", "r2", "c2", minutesBefore(NOON, 5)).basket(90_000L);
        history.order("o1", "r1", "c1", NOON).basket(3_000L);

        Row o1 = history.fraud().get("o1");

        assertEquals(2.0, (double) o1.getAs("basket_ratio"));
        assertEquals(3_000L, (long) o1.getAs("basket_value_cents"));
    }

    @Test
    void basketRatioIsNullWithoutEarlierOrdersAtTheRestaurant() {
        History history = cityWithTwoRestaurants();
        history.order("other-restaurant", "r2", "c1", daysBefore(NOON, 1));
        history.order("o1", "r1", "c1", NOON);

        Row o1 = history.fraud().get("o1");

        assertNull(o1.getAs("basket_ratio"));
    }

    @Test
    void customerHistoryCountsTheCustomersEarlierOrdersAndRefundRequestsAllTheWayBack() {
        History history = cityWithTwoRestaurants();
        history.order("last-year", "r2", "c1", daysBefore(NOON, 365))
                .refundRequested(daysBefore(NOON, 364), daysBefore(NOON, 364));
        history.order("just-before", "r1", "c1", NOON.minus(ONE_MILLI))
                .refundRequested(NOON.minus(ONE_MILLI), NOON.minus(ONE_MILLI));
        history.order("someone-else", "r1", "c2", daysBefore(NOON, 1))
                .refundRequested(daysBefore(NOON, 1), daysBefore(NOON, 1));
        history.order("o1", "r1", "c1", NOON);

        Row o1 = history.fraud().get("o1");

        assertEquals(2, (int) o1.getAs("customer_orders_before"));
        assertEquals(2, (int) o1.getAs("customer_refunds_before"));
    }

    @Test
    void accountsOnDeviceCountsSignupsOnTheOrderingDeviceUpToTheOrderInstant() {
        History history = cityWithTwoRestaurants()
                .customer("c1", daysBefore(NOON, 100), "farm-phone", 52.08, 5.13)
                .customer("c2", daysBefore(NOON, 1), "farm-phone", 52.08, 5.13)
                .customer("c3", NOON, "farm-phone", 52.08, 5.13)
                .customer("c4", NOON.plus(ONE_MILLI), "farm-phone", 52.08, 5.13)
                .customer("c5", daysBefore(NOON, 1), "another-phone", 52.08, 5.13);
        history.order("o1", "r1", "c1", NOON).from("farm-phone", 52.08, 5.13);
        history.order("o2", "r1", "c5", NOON).from("farm-phone", 52.08, 5.13);

        Map<String, Row> features = history.fraud();

        assertEquals(3, (int) features.get("o1").getAs("accounts_on_device"));
        assertEquals(3, (int) features.get("o2").getAs("accounts_on_device"));
    }

    @Test
    void withoutADeviceOnTheOrderTheAccountsOwnSignupDeviceCounts() {
        History history = cityWithTwoRestaurants()
                .customer("c1", daysBefore(NOON, 3), "own-phone", 52.08, 5.13)
                .customer("c2", daysBefore(NOON, 2), "own-phone", 52.08, 5.13);
        history.order("o1", "r1", "c1", NOON).from(null, 52.08, 5.13);

        Row o1 = history.fraud().get("o1");

        assertEquals(2, (int) o1.getAs("accounts_on_device"));
    }

    @Test
    void accountAgeIsInFractionalDaysAndKmFromHomeIsTheDistanceToTheDeliveryPoint() {
        History history = cityWithTwoRestaurants()
                .customer("c1", NOON.minus(Duration.ofHours(36)), "phone", 52.10, 5.10);
        history.order("o1", "r1", "c1", NOON).from("phone", 52.080, 5.130);

        Row o1 = history.fraud().get("o1");

        assertEquals(1.5, (double) o1.getAs("account_age_days"));
        assertEquals(RequestFeatures.distanceKm(52.080, 5.130, 52.10, 5.10), o1.getAs("km_from_home"));
    }

    @Test
    void anUnknownCustomerHasNoAgeNoHomeAndNoDevice() {
        History history = cityWithTwoRestaurants();
        history.order("o1", "r1", "nobody", NOON).from(null, 52.080, 5.130);

        Row o1 = history.fraud().get("o1");

        assertNull(o1.getAs("account_age_days"));
        assertNull(o1.getAs("km_from_home"));
        assertEquals(0, (int) o1.getAs("accounts_on_device"));
    }

    @Test
    void aCardIsForeignWhenIssuedOutsideTheHomeCountryAndUnknownWithoutAnAuthorisation() {
        History history = cityWithTwoRestaurants();
        history.order("german-card", "r1", "c1", NOON).paidWithCardFrom("DE");
        history.order("dutch-card", "r1", "c1", NOON).paidWithCardFrom(FeatureCatalogue.HOME_CARD_COUNTRY);
        history.order("no-authorisation", "r1", "c1", NOON);

        Map<String, Row> features = history.fraud();

        assertEquals(true, features.get("german-card").getAs("is_foreign_card"));
        assertEquals(false, features.get("dutch-card").getAs("is_foreign_card"));
        assertNull(features.get("no-authorisation").getAs("is_foreign_card"));
    }

    @Test
    void theLabelIsTheChargebackAndItIsKnownWhenTheFirstOneArrived() {
        History history = cityWithTwoRestaurants();
        history.order("disputed", "r1", "c1", NOON).promo()
                .chargebackReceived(NOON.plus(Duration.ofDays(9)))
                .chargebackReceived(NOON.plus(Duration.ofDays(6)));
        history.order("honest", "r1", "c1", NOON);

        Map<String, Row> features = history.fraud();

        assertEquals(true, features.get("disputed").getAs("is_fraud"));
        assertEquals(ts(NOON.plus(Duration.ofDays(6))), features.get("disputed").getAs("label_known_at"));
        assertEquals(true, features.get("disputed").getAs("has_promo"));
        assertEquals(false, features.get("honest").getAs("is_fraud"));
        assertNull(features.get("honest").getAs("label_known_at"));
    }

    @Test
    void requestTimeFeaturesComeFromThePlacementInstant() {
        History history = cityWithTwoRestaurants();
        history.order("o1", "r1", "c1", minutesBefore(NOON, 7 * 60 + 1));

        Row o1 = history.fraud().get("o1");

        assertEquals(4, (int) o1.getAs("hour_of_day"));
        assertEquals(true, o1.getAs("is_night_order"));
    }
}
