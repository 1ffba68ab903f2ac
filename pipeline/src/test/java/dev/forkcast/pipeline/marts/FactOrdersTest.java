package dev.forkcast.pipeline.marts;

import static dev.forkcast.pipeline.marts.StagedRows.ORDER_EVENTS;
import static dev.forkcast.pipeline.marts.StagedRows.PAYMENT_EVENTS;
import static dev.forkcast.pipeline.marts.StagedRows.PING_COUNTS;
import static dev.forkcast.pipeline.marts.StagedRows.assigned;
import static dev.forkcast.pipeline.marts.StagedRows.at;
import static dev.forkcast.pipeline.marts.StagedRows.authorized;
import static dev.forkcast.pipeline.marts.StagedRows.cancelled;
import static dev.forkcast.pipeline.marts.StagedRows.orderEvent;
import static dev.forkcast.pipeline.marts.StagedRows.paymentEvent;
import static dev.forkcast.pipeline.marts.StagedRows.pings;
import static dev.forkcast.pipeline.marts.StagedRows.placed;
import static dev.forkcast.pipeline.marts.StagedRows.placedByAFastClock;
import static dev.forkcast.pipeline.marts.StagedRows.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class FactOrdersTest {

    private static final Dataset<Row> NO_PAYMENTS = rows(PAYMENT_EVENTS);
    private static final Dataset<Row> NO_PINGS = rows(PING_COUNTS);

    private static List<Row> facts(Dataset<Row> orderEvents, String... columns) {
        return FactOrders.orders(orderEvents, NO_PAYMENTS, NO_PINGS).orderBy("order_id")
                .selectExpr(columns).collectAsList();
    }

    @Test
    void aDeliveredOrderHasTheTimeOfEveryLegAndTheMinutesBetweenThem() {
        Dataset<Row> orderEvents = rows(ORDER_EVENTS,
                placed("e-1", "o1", "2026-03-02T12:00:00Z", "2026-03-02T12:00:02Z"),
                orderEvent("e-2", "o1", "order_accepted", "2026-03-02T12:03:00Z", "2026-03-02T12:03:01Z"),
                assigned("e-3", "o1", "2026-03-02T12:05:00Z", "2026-03-02T12:05:01Z"),
                orderEvent("e-4", "o1", "order_picked_up", "2026-03-02T12:18:30Z", "2026-03-02T12:18:31Z"),
                orderEvent("e-5", "o1", "order_delivered", "2026-03-02T12:40:00Z", "2026-03-02T12:40:01Z"));
        Dataset<Row> paymentEvents = rows(PAYMENT_EVENTS,
                authorized("p-1", "o1", "2026-03-02T12:00:01Z", "2026-03-02T12:00:03Z"));

        List<Row> facts = FactOrders.orders(orderEvents, paymentEvents, rows(PING_COUNTS, pings("o1", 22)))
                .collectAsList();

        assertEquals(List.of(RowFactory.create("o1", "cust_1", "rest_1", "cour_7", Date.valueOf("2026-03-02"),
                at("2026-03-02T12:00:00Z"), at("2026-03-02T12:03:00Z"), at("2026-03-02T12:05:00Z"),
                at("2026-03-02T12:18:30Z"), at("2026-03-02T12:40:00Z"), null, "delivered",
                3.0, 15.5, 21.5, 40.0, true,
                3050L, 3, "rain", "ios", false, "bike", null, null,
                3050L, "NL", false, false, null,
                6, 22, false, false, false)), facts);
    }

    @Test
    void theFactHasTheColumnsAndTypesOfMartsFctOrders() {
        Dataset<Row> facts = FactOrders.orders(rows(ORDER_EVENTS), NO_PAYMENTS, NO_PINGS);

        assertEquals("struct<order_id:string,customer_id:string,restaurant_id:string,courier_id:string,"
                + "placed_date:date,placed_at:timestamp,accepted_at:timestamp,assigned_at:timestamp,"
                + "picked_up_at:timestamp,delivered_at:timestamp,cancelled_at:timestamp,status:string,"
                + "minutes_to_accept:double,minutes_to_pickup:double,minutes_to_deliver:double,"
                + "delivery_minutes:double,is_on_time:boolean,basket_value_cents:bigint,item_count:int,"
                + "weather:string,platform:string,has_promo:boolean,vehicle:string,cancelled_by:string,"
                + "cancel_reason:string,amount_cents:bigint,card_country:string,is_refund_requested:boolean,"
                + "is_chargeback:boolean,chargeback_at:timestamp,event_count:int,ping_count:int,"
                + "is_placed_clock_corrected:boolean,has_out_of_order_events:boolean,has_late_events:boolean>",
                facts.schema().simpleString());
    }

    @Test
    void aCancelledOrderSaysWhoCancelledAndWhyAndHasNoDeliveryTime() {
        Dataset<Row> orderEvents = rows(ORDER_EVENTS,
                placed("e-1", "o1", "2026-03-02T12:00:00Z", "2026-03-02T12:00:02Z"),
                orderEvent("e-2", "o1", "order_accepted", "2026-03-02T12:03:00Z", "2026-03-02T12:03:01Z"),
                cancelled("e-3", "o1", "2026-03-02T12:10:00Z", "2026-03-02T12:10:01Z"));

        List<Row> facts = facts(orderEvents, "status", "cancelled_at", "cancelled_by", "cancel_reason",
                "minutes_to_accept", "delivery_minutes", "is_on_time", "courier_id");

        assertEquals(List.of(RowFactory.create("cancelled", at("2026-03-02T12:10:00Z"), "restaurant",
                "kitchen_overloaded", 3.0, null, null, null)), facts);
    }

    @Test
    void anOrderOnItsWayIsInProgressAndNotYetOnTimeOrLate() {
        Dataset<Row> orderEvents = rows(ORDER_EVENTS,
                placed("e-1", "o1", "2026-03-02T12:00:00Z", "2026-03-02T12:00:02Z"),
                orderEvent("e-2", "o1", "order_accepted", "2026-03-02T12:03:00Z", "2026-03-02T12:03:01Z"),
                assigned("e-3", "o1", "2026-03-02T12:05:00Z", "2026-03-02T12:05:01Z"));

        List<Row> facts = facts(orderEvents, "status", "assigned_at", "picked_up_at", "minutes_to_pickup",
                "delivery_minutes", "is_on_time");

        assertEquals(List.of(RowFactory.create("in_progress", at("2026-03-02T12:05:00Z"), null, null, null, null)),
                facts);
    }

    @Test
    void anOrderWhosePlacedEventHasNotArrivedIsLeftOutUntilItDoes() {
        Dataset<Row> orderEvents = rows(ORDER_EVENTS,
                placed("e-1", "o1", "2026-03-02T12:00:00Z", "2026-03-02T12:00:02Z"),
                orderEvent("e-2", "o2", "order_accepted", "2026-03-02T12:03:00Z", "2026-03-02T12:03:01Z"));
        Dataset<Row> paymentEvents = rows(PAYMENT_EVENTS,
                authorized("p-2", "o2", "2026-03-02T12:00:01Z", "2026-03-02T12:00:03Z"));

        List<Row> facts = FactOrders.orders(orderEvents, paymentEvents, NO_PINGS).select("order_id").collectAsList();

        assertEquals(List.of(RowFactory.create("o1")), facts);
    }

    @Test
    void aPlacedEventHeardOfLateButBeforeTheAcceptHadASlowClockAndTakesTheReceiveTime() {
        Dataset<Row> orderEvents = rows(ORDER_EVENTS,
                placed("e-1", "o1", "2026-03-01T23:52:00Z", "2026-03-02T00:00:30Z"),
                orderEvent("e-2", "o1", "order_accepted", "2026-03-02T00:03:00Z", "2026-03-02T00:03:01Z"));

        List<Row> facts = facts(orderEvents, "placed_at", "placed_date", "minutes_to_accept",
                "is_placed_clock_corrected");

        assertEquals(List.of(RowFactory.create(at("2026-03-02T00:00:30Z"), Date.valueOf("2026-03-02"), 2.5, true)),
                facts);
    }

    @Test
    void aPlacedEventThatArrivedAfterTheAcceptWasLateNotASlowClockAndKeepsItsTime() {
        Dataset<Row> orderEvents = rows(ORDER_EVENTS,
                placed("e-1", "o1", "2026-03-02T12:00:00Z", "2026-03-02T12:45:00Z"),
                orderEvent("e-2", "o1", "order_accepted", "2026-03-02T12:03:00Z", "2026-03-02T12:03:01Z"));

        List<Row> facts = facts(orderEvents, "placed_at", "is_placed_clock_corrected", "has_late_events");

        assertEquals(List.of(RowFactory.create(at("2026-03-02T12:00:00Z"), false, true)), facts);
    }

    @Test
    void aPlacedEventWithinAMinuteOfItsTimeIsNormalDelayAndKeepsItsTime() {
        Dataset<Row> orderEvents = rows(ORDER_EVENTS,
                placed("e-1", "o1", "2026-03-02T12:00:00Z", "2026-03-02T12:00:59Z"));

        List<Row> facts = facts(orderEvents, "placed_at", "is_placed_clock_corrected");

        assertEquals(List.of(RowFactory.create(at("2026-03-02T12:00:00Z"), false)), facts);
    }

    @Test
    void aFastClockCorrectedInStagingIsFlaggedOnTheOrder() {
        Dataset<Row> orderEvents = rows(ORDER_EVENTS, placedByAFastClock("e-1", "o1", "2026-03-02T12:00:02Z"));

        List<Row> facts = facts(orderEvents, "placed_at", "is_placed_clock_corrected");

        assertEquals(List.of(RowFactory.create(at("2026-03-02T12:00:02Z"), true)), facts);
    }

    @Test
    void anEventThatOvertookOneThatHappenedBeforeItFlagsTheOrderButNotItsLegs() {
        Dataset<Row> orderEvents = rows(ORDER_EVENTS,
                placed("e-1", "o1", "2026-03-02T12:00:00Z", "2026-03-02T12:00:02Z"),
                orderEvent("e-2", "o1", "order_accepted", "2026-03-02T12:03:00Z", "2026-03-02T12:05:30Z"),
                assigned("e-3", "o1", "2026-03-02T12:04:00Z", "2026-03-02T12:04:01Z"));

        List<Row> facts = facts(orderEvents, "accepted_at", "assigned_at", "has_out_of_order_events",
                "has_late_events");

        assertEquals(List.of(RowFactory.create(at("2026-03-02T12:03:00Z"), at("2026-03-02T12:04:00Z"), true, false)),
                facts);
    }

    @Test
    void anEventReceivedMoreThanTenMinutesAfterItHappenedFlagsTheOrderAsLate() {
        Dataset<Row> orderEvents = rows(ORDER_EVENTS,
                placed("e-1", "o1", "2026-03-02T12:00:00Z", "2026-03-02T12:00:02Z"),
                orderEvent("e-2", "o1", "order_delivered", "2026-03-02T12:40:00Z", "2026-03-02T12:50:01Z"));

        List<Row> facts = facts(orderEvents, "delivered_at", "has_late_events", "has_out_of_order_events");

        assertEquals(List.of(RowFactory.create(at("2026-03-02T12:40:00Z"), true, false)), facts);
    }

    @Test
    void aRefundRequestAndTheEarliestChargebackLabelTheOrder() {
        Dataset<Row> orderEvents = rows(ORDER_EVENTS,
                placed("e-1", "o1", "2026-03-02T12:00:00Z", "2026-03-02T12:00:02Z"));
        Dataset<Row> paymentEvents = rows(PAYMENT_EVENTS,
                authorized("p-1", "o1", "2026-03-02T12:00:01Z", "2026-03-02T12:00:03Z"),
                paymentEvent("p-2", "o1", "refund_requested", "2026-03-02T13:00:00Z", "2026-03-02T13:00:01Z"),
                paymentEvent("p-3", "o1", "chargeback_received", "2026-03-09T09:00:00Z", "2026-03-09T09:00:01Z"),
                paymentEvent("p-4", "o1", "chargeback_received", "2026-03-10T09:00:00Z", "2026-03-10T09:00:01Z"));

        List<Row> facts = FactOrders.orders(orderEvents, paymentEvents, NO_PINGS)
                .select("is_refund_requested", "is_chargeback", "chargeback_at", "amount_cents", "event_count")
                .collectAsList();

        assertEquals(List.of(RowFactory.create(true, true, at("2026-03-09T09:00:00Z"), 3050L, 5)), facts);
    }

    @Test
    void anOrderWithoutPingsHasAPingCountOfZeroAndNoLabels() {
        Dataset<Row> orderEvents = rows(ORDER_EVENTS,
                placed("e-1", "o1", "2026-03-02T12:00:00Z", "2026-03-02T12:00:02Z"));

        List<Row> facts = facts(orderEvents, "ping_count", "event_count", "is_refund_requested", "is_chargeback",
                "amount_cents");

        assertEquals(List.of(RowFactory.create(0, 1, false, false, null)), facts);
    }

    @Test
    void aSecondEventOfOneTypeNeverMovesALegLater() {
        Dataset<Row> orderEvents = rows(ORDER_EVENTS,
                placed("e-1", "o1", "2026-03-02T12:00:00Z", "2026-03-02T12:00:02Z"),
                orderEvent("e-3", "o1", "order_accepted", "2026-03-02T12:04:00Z", "2026-03-02T12:04:01Z"),
                orderEvent("e-2", "o1", "order_accepted", "2026-03-02T12:03:00Z", "2026-03-02T12:03:01Z"));

        List<Row> facts = facts(orderEvents, "accepted_at", "minutes_to_accept");

        assertEquals(List.of(RowFactory.create(at("2026-03-02T12:03:00Z"), 3.0)), facts);
    }

    @Test
    void aMissingInputColumnIsNamedBeforeAnythingRuns() {
        Dataset<Row> countsWithoutTheCount = NO_PINGS.drop("ping_count");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FactOrders.orders(rows(ORDER_EVENTS), NO_PAYMENTS, countsWithoutTheCount));

        assertEquals(true, error.getMessage().startsWith("orders needs column(s) [ping_count]"), error.getMessage());
    }
}
