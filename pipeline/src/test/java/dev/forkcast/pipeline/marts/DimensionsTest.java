package dev.forkcast.pipeline.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forkcast.pipeline.TestSpark;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DimensionsTest {

    /** The columns of the staging tables (V4, V6) and of the order facts that dim_date needs. */
    private static final StructType STAGING_RESTAURANTS = StructType.fromDDL("restaurant_id string, "
            + "joined_at timestamp, restaurant_name string, cuisine string, price_level int, lat double, lon double, "
            + "zone_id string, kitchen_capacity int, quoted_prep_minutes int");
    private static final StructType STAGING_COURIERS = StructType.fromDDL("courier_id string, joined_at timestamp, "
            + "vehicle string, home_zone_id string, shift_pattern string");
    private static final StructType STAGING_CUSTOMERS = StructType.fromDDL("customer_id string, "
            + "signed_up_at timestamp, name_pseudonym string, email_pseudonym string, phone_pseudonym string, "
            + "home_address_pseudonym string, home_lat_approx double, home_lon_approx double, device_id string, "
            + "platform string, referral_code string");
    private static final StructType ORDERS = StructType.fromDDL("order_id string, placed_date date");

    private static Dataset<Row> rows(StructType schema, Row... rows) {
        return TestSpark.session().createDataFrame(List.of(rows), schema);
    }

    private static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }

    private static Row customer(String customerId, String signedUpAt, String deviceId, String referralCode) {
        return RowFactory.create(customerId, at(signedUpAt), "name-pseudonym", "email-pseudonym", "phone-pseudonym",
                "address-pseudonym", 52.09, 5.12, deviceId, "ios", referralCode);
    }

    private static Row order(String orderId, String placedDate) {
        return RowFactory.create(orderId, Date.valueOf(placedDate));
    }

    @Test
    void aRestaurantDimensionIsTheStagedRestaurantInTheMartsColumnOrder() {
        Dataset<Row> staged = rows(STAGING_RESTAURANTS, RowFactory.create("rest_0042", at("2026-03-02T00:00:00Z"),
                "Pizzeria Roma", "pizza", 2, 52.090737, 5.121420, "z03", 6, 13));

        List<Row> dimension = Dimensions.restaurants(staged).collectAsList();

        assertEquals(List.of(RowFactory.create("rest_0042", "Pizzeria Roma", "pizza", 2, "z03", 52.090737, 5.121420, 6,
                13, at("2026-03-02T00:00:00Z"))), dimension);
    }

    @Test
    void aCourierDimensionIsTheStagedCourierInTheMartsColumnOrder() {
        Dataset<Row> staged = rows(STAGING_COURIERS,
                RowFactory.create("cour_0007", at("2026-03-02T00:00:00Z"), "bike", "z07", "dinner"));

        List<Row> dimension = Dimensions.couriers(staged).collectAsList();

        assertEquals(List.of(RowFactory.create("cour_0007", "bike", "z07", "dinner", at("2026-03-02T00:00:00Z"))),
                dimension);
    }

    @Test
    void aCustomerDimensionHoldsNoPersonalDataNotEvenPseudonyms() {
        Dataset<Row> staged = rows(STAGING_CUSTOMERS, customer("cust_000001", "2026-03-02T09:00:00Z", "dev_A", null));

        Dataset<Row> dimension = Dimensions.customers(staged);

        assertEquals("struct<customer_id:string,signed_up_at:timestamp,signup_date:date,platform:string,"
                + "has_referral_code:boolean,accounts_on_device:int>", dimension.schema().simpleString());
    }

    @Test
    void aLateEveningSignupBelongsToItsUtcDayAndAReferralCodeIsOnlyAYesOrNo() {
        Dataset<Row> staged = rows(STAGING_CUSTOMERS,
                customer("cust_000001", "2026-03-01T23:30:00Z", "dev_A", "ANNA10"));

        List<Row> dimension = Dimensions.customers(staged).collectAsList();

        assertEquals(List.of(RowFactory.create("cust_000001", at("2026-03-01T23:30:00Z"), Date.valueOf("2026-03-01"),
                "ios", true, 1)), dimension);
    }

    @Test
    void accountsSignedUpOnOnePhoneEachCountAllAccountsOnThatPhone() {
        Dataset<Row> staged = rows(STAGING_CUSTOMERS,
                customer("cust_000001", "2026-03-02T09:00:00Z", "dev_farm", null),
                customer("cust_000002", "2026-03-02T09:05:00Z", "dev_farm", null),
                customer("cust_000003", "2026-03-02T09:10:00Z", "dev_own", null));

        List<Row> counts = Dimensions.customers(staged).orderBy("customer_id")
                .select("customer_id", "accounts_on_device").collectAsList();

        assertEquals(List.of(RowFactory.create("cust_000001", 2), RowFactory.create("cust_000002", 2),
                RowFactory.create("cust_000003", 1)), counts);
    }

    @Test
    void everyDayFromTheFirstToTheLastOrderIsInTheCalendarQuietDaysIncluded() {
        Dataset<Row> orders = rows(ORDERS, order("o1", "2026-03-09"), order("o2", "2026-03-06"),
                order("o3", "2026-03-06"));

        List<Row> days = Dimensions.dates(orders).orderBy("date_day").collectAsList();

        assertEquals(List.of(
                RowFactory.create(Date.valueOf("2026-03-06"), 2026, 1, 3, 6, 5, "Friday", false),
                RowFactory.create(Date.valueOf("2026-03-07"), 2026, 1, 3, 7, 6, "Saturday", true),
                RowFactory.create(Date.valueOf("2026-03-08"), 2026, 1, 3, 8, 7, "Sunday", true),
                RowFactory.create(Date.valueOf("2026-03-09"), 2026, 1, 3, 9, 1, "Monday", false)), days);
    }

    @Test
    void noOrdersGiveAnEmptyCalendar() {
        List<Row> days = Dimensions.dates(rows(ORDERS)).collectAsList();

        assertEquals(List.of(), days);
    }

    @Test
    void theCalendarHasTheColumnsOfDimDate() {
        Dataset<Row> days = Dimensions.dates(rows(ORDERS));

        assertEquals("struct<date_day:date,year:int,quarter:int,month:int,day_of_month:int,iso_day_of_week:int,"
                + "day_name:string,is_weekend:boolean>", days.schema().simpleString());
    }
}
