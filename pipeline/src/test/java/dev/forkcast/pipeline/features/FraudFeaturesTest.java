package dev.forkcast.pipeline.features;

import static dev.forkcast.pipeline.features.History.NOON;
import static dev.forkcast.pipeline.features.History.daysBefore;
import static dev.forkcast.pipeline.features.History.minutesBefore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.forkcast.warehouse.features.FeatureCatalogue;
import dev.forkcast.warehouse.features.RequestFeatures;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class FraudFeaturesTest {

    private static History cityWithOneCustomer() {
        return new History()
                .restaurant("r1", 52.090, 5.120, 15, 4)
                .customer("c1", daysBefore(NOON, 10), "dev1", 52.09, 5.12);
    }

    @Test
    void theColumnsAreTheCataloguesInTableOrder() {
        History history = cityWithOneCustomer();
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
    void theAccountTheCardAndTheDeliveryPointDescribeTheOrder() {
        History history = cityWithOneCustomer();
        history.order("o1", "r1", "c1", NOON).from("dev1", 52.10, 5.14).promo().paidWithCardFrom("BR");

        Row o1 = history.fraud().get("o1");

        assertEquals(10.0, (double) o1.getAs("account_age_days"), 1e-9);
        assertEquals(RequestFeatures.distanceKm(52.10, 5.14, 52.09, 5.12), o1.getAs("km_from_home"));
        assertEquals(true, o1.getAs("is_foreign_card"));
        assertEquals(true, o1.getAs("has_promo"));
        assertEquals(false, o1.getAs("is_night_order"));
        assertEquals(false, o1.getAs("is_fraud"));
        assertNull(o1.getAs("label_known_at"));
    }

    @Test
    void anEarlierOrderCountsOnlyOnceThePlatformHadReceivedIt() {
        History history = cityWithOneCustomer();
        history.order("received-before", "r1", "c1", daysBefore(NOON, 2));
        // Placed an hour before, but its order_placed event arrived (late) two minutes after o1 was placed.
        history.order("received-after", "r1", "c1", minutesBefore(NOON, 60))
                .placedEventReceivedAt(NOON.plus(Duration.ofMinutes(2)));
        history.order("o1", "r1", "c1", NOON);

        assertEquals(1, (int) history.fraud().get("o1").getAs("customer_orders_before"));
    }

    @Test
    void aRefundCountsFromWhenItWasReceivedNotFromWhenItWasAskedFor() {
        History history = cityWithOneCustomer();
        history.order("refunded-early", "r1", "c1", daysBefore(NOON, 3))
                .refundRequested(daysBefore(NOON, 2), daysBefore(NOON, 2));
        history.order("refunded-late", "r1", "c1", daysBefore(NOON, 2))
                .refundRequested(minutesBefore(NOON, 30), NOON.plus(Duration.ofMinutes(5)));
        history.order("o1", "r1", "c1", NOON);

        assertEquals(1, (int) history.fraud().get("o1").getAs("customer_refunds_before"));
    }

    @Test
    void accountsOnTheDeviceAreThoseThatHadSignedUpByThen() {
        History history = cityWithOneCustomer()
                .customer("c2", daysBefore(NOON, 1), "dev1", 52.09, 5.12)
                .customer("c3", NOON.plus(Duration.ofHours(1)), "dev1", 52.09, 5.12)
                .customer("c4", daysBefore(NOON, 1), "dev2", 52.09, 5.12);
        history.order("o1", "r1", "c1", NOON).from("dev1", 52.10, 5.14);

        assertEquals(2, (int) history.fraud().get("o1").getAs("accounts_on_device"));
    }

    @Test
    void theLabelIsTheChargebackAndSaysWhenItWasKnown() {
        History history = cityWithOneCustomer();
        history.order("o1", "r1", "c1", NOON).chargebackReceived(NOON.plus(Duration.ofDays(5)));

        Row o1 = history.fraud().get("o1");

        assertEquals(true, o1.getAs("is_fraud"));
        assertEquals(Timestamp.from(NOON.plus(Duration.ofDays(5))), o1.getAs("label_known_at"));
    }

    @Test
    void aLaterOrderNeverChangesTheFeaturesOfAnEarlierOne() {
        History history = cityWithOneCustomer();
        history.order("earlier", "r1", "c1", daysBefore(NOON, 1)).from("dev1", 52.10, 5.14).basket(3_000L);
        history.order("o1", "r1", "c1", NOON).from("dev1", 52.10, 5.14).basket(2_000L);
        Row before = history.fraud().get("o1");

        history.order("later", "r1", "c1", NOON.plus(Duration.ofMinutes(1))).from("dev1", 52.11, 5.15)
                .basket(90_000L).refundRequested(NOON.plus(Duration.ofMinutes(2)), NOON.plus(Duration.ofMinutes(2)));
        history.customer("c9", NOON.plus(Duration.ofSeconds(30)), "dev1", 52.0, 5.0);

        assertEquals(before, history.fraud().get("o1"));
        assertEquals(2_000.0 / 3_000.0, (double) before.getAs("basket_ratio"), 1e-9);
    }
}
