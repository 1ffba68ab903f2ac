package dev.forkcast.pipeline.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class CustomerStagingTest {

    private static final String KEY = "test-key";

    @Test
    void personalDataLeavesStagingOnlyAsPseudonyms() {
        Dataset<Row> events = RawEvents.of(RawEvents.signup("e-1", 1, "2026-03-02T09:00:01Z", "cust_000001",
                "2026-03-02T09:00:00Z", "Anna Visser"));

        Row customer = CustomerStaging.customers(events, KEY).collectAsList().get(0);

        assertEquals(Pseudonyms.hmacSha256Hex(KEY, "Anna Visser"), customer.getAs("name_pseudonym"));
        assertEquals(Pseudonyms.hmacSha256Hex(KEY, "anna.visser123@mailbox.test"), customer.getAs("email_pseudonym"));
        assertFalse(customer.toString().contains("Anna"), customer.toString());
        assertFalse(customer.toString().contains("Mill Lane"), customer.toString());
    }

    @Test
    void homeCoordinatesAreRoundedToAboutAKilometre() {
        Dataset<Row> events = RawEvents.of(RawEvents.signup("e-1", 1, "2026-03-02T09:00:01Z", "cust_000001",
                "2026-03-02T09:00:00Z", "Anna Visser"));

        Row customer = CustomerStaging.customers(events, KEY).collectAsList().get(0);

        assertEquals(52.09, (double) customer.getAs("home_lat_approx"), 1e-9);
        assertEquals(5.12, (double) customer.getAs("home_lon_approx"), 1e-9);
    }

    @Test
    void anotherKeyGivesOtherPseudonyms() {
        assertNotEquals(Pseudonyms.hmacSha256Hex("key-a", "Anna Visser"), Pseudonyms.hmacSha256Hex("key-b", "Anna Visser"));
        assertEquals(Pseudonyms.hmacSha256Hex("key-a", "Anna Visser"), Pseudonyms.hmacSha256Hex("key-a", "Anna Visser"));
    }

    @Test
    void aCustomerAnnouncedByTwoRunsIsOneCustomer() {
        Dataset<Row> events = RawEvents.of(
                RawEvents.signup("e-first-run", 1, "2026-03-02T00:00:01Z", "cust_000001", "2025-01-01T10:00:00Z", "Anna Visser"),
                RawEvents.signup("e-second-run", 90, "2026-03-09T00:00:01Z", "cust_000001", "2025-01-01T10:00:00Z",
                        "Anna Visser"),
                RawEvents.signup("e-other", 2, "2026-03-02T00:00:01Z", "cust_000002", "2025-02-01T10:00:00Z", "Bram Bos"));

        List<String> ids = CustomerStaging.customers(events, KEY).orderBy("customer_id").select("customer_id")
                .collectAsList().stream().map(r -> r.getString(0)).toList();

        assertEquals(List.of("cust_000001", "cust_000002"), ids);
    }
}
