package dev.forkcast.pipeline.marts;

import static dev.forkcast.pipeline.marts.StagedRows.FACTS;
import static dev.forkcast.pipeline.marts.StagedRows.RESTAURANTS;
import static dev.forkcast.pipeline.marts.StagedRows.fact;
import static dev.forkcast.pipeline.marts.StagedRows.restaurant;
import static dev.forkcast.pipeline.marts.StagedRows.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class DailyKpisTest {

    /** A pizzeria in zone z01 and a sushi bar in zone z02. */
    private static final Dataset<Row> RESTAURANTS_IN_TWO_ZONES = rows(RESTAURANTS,
            restaurant("rest_a", "z01", "pizza"),
            restaurant("rest_b", "z02", "sushi"));

    private static List<Row> kpis(Dataset<Row> orders) {
        return DailyKpis.kpis(orders, RESTAURANTS_IN_TWO_ZONES).orderBy("order_date", "zone_id", "cuisine")
                .collectAsList();
    }

    @Test
    void eachDayZoneAndCuisineCountsItsOrdersAndRatesThem() {
        Dataset<Row> orders = rows(FACTS,
                fact("o1", "rest_a", "2026-03-02", "delivered", 30.0, 2000, false, false),
                fact("o2", "rest_a", "2026-03-02", "delivered", 50.0, 3000, true, false),
                fact("o3", "rest_a", "2026-03-02", "cancelled", null, 1500, false, false),
                fact("o4", "rest_a", "2026-03-02", "in_progress", null, 1000, false, false),
                fact("o5", "rest_b", "2026-03-02", "delivered", 40.0, 2500, false, true),
                fact("o6", "rest_a", "2026-03-03", "cancelled", null, 1200, false, false),
                fact("o7", "rest_b", "2026-03-03", "delivered", 20.0, 1800, false, false));

        List<Row> kpis = kpis(orders);

        assertEquals(List.of(
                // 2 of 4 delivered, 1 of them on time; the cancelled order's basket is not gross value.
                RowFactory.create(Date.valueOf("2026-03-02"), "z01", "pizza", 4L, 2L, 1L, 1L, 1L, 0.5, 40.0, 0.25,
                        6000L, 1L, 0L),
                RowFactory.create(Date.valueOf("2026-03-02"), "z02", "sushi", 1L, 1L, 0L, 0L, 1L, 1.0, 40.0, 0.0,
                        2500L, 0L, 1L),
                // Nothing delivered: no on-time rate and no average, rather than zeros that look measured.
                RowFactory.create(Date.valueOf("2026-03-03"), "z01", "pizza", 1L, 0L, 1L, 0L, 0L, null, null, 1.0,
                        0L, 0L, 0L),
                RowFactory.create(Date.valueOf("2026-03-03"), "z02", "sushi", 1L, 1L, 0L, 0L, 1L, 1.0, 20.0, 0.0,
                        1800L, 0L, 0L)), kpis);
    }

    @Test
    void anOrderOfARestaurantMissingFromTheDimensionCountsUnderZoneUnknown() {
        Dataset<Row> orders = rows(FACTS,
                fact("o1", "rest_a", "2026-03-02", "delivered", 30.0, 2000, false, false),
                fact("o2", "rest_gone", "2026-03-02", "delivered", 35.0, 2200, false, false));

        List<Row> kpis = kpis(orders);

        assertEquals(List.of(
                RowFactory.create(Date.valueOf("2026-03-02"), "unknown", "unknown", 1L, 1L, 0L, 0L, 1L, 1.0, 35.0, 0.0,
                        2200L, 0L, 0L),
                RowFactory.create(Date.valueOf("2026-03-02"), "z01", "pizza", 1L, 1L, 0L, 0L, 1L, 1.0, 30.0, 0.0,
                        2000L, 0L, 0L)), kpis);
    }

    @Test
    void theKpisHaveTheColumnsAndTypesOfMartsDailyKpis() {
        Dataset<Row> kpis = DailyKpis.kpis(rows(FACTS), RESTAURANTS_IN_TWO_ZONES);

        assertEquals("struct<order_date:date,zone_id:string,cuisine:string,orders:bigint,delivered:bigint,"
                + "cancelled:bigint,in_progress:bigint,on_time_deliveries:bigint,on_time_rate:double,"
                + "avg_delivery_minutes:double,cancellation_rate:double,gross_value_cents:bigint,"
                + "refund_requests:bigint,chargebacks:bigint>", kpis.schema().simpleString());
    }

    @Test
    void theDaysToRecomputeAreTheDaysTheOrdersWerePlacedOnEachOnce() {
        Dataset<Row> changedOrders = rows(FACTS,
                fact("o1", "rest_a", "2026-03-02", "delivered", 30.0, 2000, false, false),
                fact("o2", "rest_b", "2026-03-02", "in_progress", null, 1500, false, false),
                fact("o3", "rest_a", "2026-03-04", "cancelled", null, 1200, false, false));

        List<Row> days = DailyKpis.daysOf(changedOrders).orderBy("order_date").collectAsList();

        assertEquals(List.of(RowFactory.create(Date.valueOf("2026-03-02")),
                RowFactory.create(Date.valueOf("2026-03-04"))), days);
    }
}
