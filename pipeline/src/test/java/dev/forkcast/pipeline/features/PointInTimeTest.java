package dev.forkcast.pipeline.features;

import static dev.forkcast.pipeline.features.History.NOON;
import static dev.forkcast.pipeline.features.History.daysBefore;
import static dev.forkcast.pipeline.features.History.minutesBefore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * A feature may use only what the platform had received before the order was placed: not an event that
 * happened earlier but arrived later, not the order's own events, nothing that comes after.
 */
class PointInTimeTest {

    private static History city() {
        return new History()
                .restaurant("r1", 52.090, 5.120, 15, 4)
                .customer("c1", daysBefore(NOON, 30), "phone-1", 52.08, 5.13);
    }

    @Test
    void anEventThatHappenedBeforeTheOrderButArrivedAfterItDoesNotCount() {
        History history = city();
        history.order("late-placement", "r1", "c1", minutesBefore(NOON, 10))
                .placedEventReceivedAt(NOON.plus(Duration.ofMinutes(5)));
        history.order("late-pickup", "r1", "c2", daysBefore(NOON, 1))
                .pickedUp(minutesBefore(NOON, 60), 12, NOON.plus(Duration.ofMinutes(1)))
                .refundRequested(daysBefore(NOON, 1), NOON.plus(Duration.ofHours(1)));
        history.order("late-refund", "r2", "c1", daysBefore(NOON, 2))
                .refundRequested(daysBefore(NOON, 1), NOON.plus(Duration.ofHours(1)));
        history.order("o1", "r1", "c1", NOON);

        Row delivery = history.deliveryTime().get("o1");
        Row fraud = history.fraud().get("o1");

        assertEquals(0, (int) delivery.getAs("restaurant_orders_last_30m"));
        assertEquals(0, (int) delivery.getAs("fleet_orders_last_30m"));
        assertNull(delivery.getAs("restaurant_prep_minutes_avg_7d"));
        assertEquals(1, (int) fraud.getAs("customer_orders_before"));
        assertEquals(0, (int) fraud.getAs("customer_refunds_before"));
    }

    @Test
    void anOrdersOwnEventsNeverCountEvenWhenTheyArrivedBeforeItsPlacementTime() {
        // A phone clock 30 s fast (within the tolerance staging accepts) stamps the placement after it arrived.
        History history = city();
        history.order("o1", "r1", "c1", NOON)
                .placedEventReceivedAt(NOON.minus(Duration.ofSeconds(30)))
                .pickedUp(NOON.minus(Duration.ofSeconds(20)), 1, NOON.minus(Duration.ofSeconds(10)))
                .refundRequested(NOON.minus(Duration.ofSeconds(5)), NOON.minus(Duration.ofSeconds(5)));

        Row delivery = history.deliveryTime().get("o1");
        Row fraud = history.fraud().get("o1");

        assertEquals(0, (int) delivery.getAs("restaurant_orders_last_30m"));
        assertEquals(0, (int) delivery.getAs("fleet_orders_last_30m"));
        assertNull(delivery.getAs("restaurant_prep_minutes_avg_7d"));
        assertEquals(0, (int) fraud.getAs("customer_orders_before"));
        assertEquals(0, (int) fraud.getAs("customer_refunds_before"));
        assertNull(fraud.getAs("basket_ratio"));
    }

    @Test
    void aLaterOrderNeverChangesAnEarlierOrdersFeatures() {
        History history = city().shiftStarted("k1", daysBefore(NOON, 1));
        history.order("earlier", "r1", "c1", minutesBefore(NOON, 20))
                .pickedUp(minutesBefore(NOON, 5), 10, minutesBefore(NOON, 5));
        history.order("o1", "r1", "c1", NOON).from("phone-1", 52.08, 5.13).paidWithCardFrom("NL");
        List<Row> before = List.of(history.deliveryTime().get("o1"), history.fraud().get("o1"));

        history.customer("c9", NOON.plus(Duration.ofMinutes(1)), "phone-1", 52.08, 5.13)
                .shiftStarted("k2", NOON.plus(Duration.ofMinutes(2)));
        history.order("later", "r1", "c1", NOON.plus(Duration.ofMinutes(3))).from("phone-1", 52.08, 5.13)
                .pickedUp(NOON.plus(Duration.ofMinutes(20)), 15, NOON.plus(Duration.ofMinutes(20)))
                .refundRequested(NOON.plus(Duration.ofHours(2)), NOON.plus(Duration.ofHours(2)));
        List<Row> after = List.of(history.deliveryTime().get("o1"), history.fraud().get("o1"));

        assertEquals(before, after);
    }
}
