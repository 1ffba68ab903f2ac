package dev.forkcast.warehouse.features;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The history features of {@code features.fraud} for one order "as of" an instant, computed in PostgreSQL
 * from the tables the ETL publishes with the ETL's definitions ({@code FraudFeatures}), so the API scores
 * a new order on what the trainer saw for past ones. {@code OnlineFeaturesIT} in {@code pipeline} checks
 * it against every row the ETL built.
 *
 * <p>Rules shared with the ETL: the customer's earlier orders and refund requests count once received
 * strictly before T (an order from the first receipt of its placement; only orders in
 * {@code marts.fct_orders}, keyed by the fact's customer and restaurant); the typical basket is the
 * restaurant's baskets whose placement was received in {@code [T - 30 days, T)}; accounts on a device
 * count signups <em>at or before</em> T (a signup is stamped by the server, so it was known at its own
 * time); the order itself never counts (pass its id as {@code excludeOrderId} for a past order).
 */
public final class FraudLookup {

    private static final NamedSql QUERY = new NamedSql("""
            WITH customer_orders AS (
              SELECT order_id
              FROM marts.fct_orders
              WHERE customer_id = :customer_id AND order_id IS DISTINCT FROM :exclude_order_id::text
            ),
            orders_before AS (
              SELECT count(DISTINCT e.order_id) AS customer_orders_before
              FROM customer_orders o
              JOIN staging.order_events e USING (order_id)
              WHERE e.event_type = 'order_placed' AND e.received_at < :t
            ),
            refunds_before AS (
              SELECT count(*) AS customer_refunds_before
              FROM customer_orders o
              JOIN staging.payment_events p USING (order_id)
              WHERE p.event_type = 'refund_requested' AND p.received_at < :t
            ),
            restaurant_baskets AS (
              SELECT o.order_id, o.basket_value_cents, min(e.received_at) AS placed_received_at
              FROM marts.fct_orders o
              JOIN staging.order_events e USING (order_id)
              WHERE o.restaurant_id = :restaurant_id
                AND o.placed_at >= :scan_from AND o.placed_at < :scan_to
                AND o.basket_value_cents IS NOT NULL
                AND o.order_id IS DISTINCT FROM :exclude_order_id::text
                AND e.event_type = 'order_placed'
              GROUP BY o.order_id, o.basket_value_cents
            ),
            typical_basket AS (
              SELECT coalesce(sum(basket_value_cents), 0) AS basket_cents, count(*) AS baskets
              FROM restaurant_baskets
              WHERE placed_received_at >= :basket_from AND placed_received_at < :t
            ),
            customer AS (
              SELECT signed_up_at, device_id FROM staging.customers WHERE customer_id = :customer_id
            ),
            device AS (
              SELECT count(*) AS accounts_on_device
              FROM staging.customers c
              WHERE c.device_id = coalesce(:device_id::text, (SELECT device_id FROM customer))
                AND c.signed_up_at <= :t
            )
            SELECT ob.customer_orders_before, rb.customer_refunds_before, tb.basket_cents, tb.baskets,
                   d.accounts_on_device, (SELECT signed_up_at FROM customer) AS signed_up_at
            FROM orders_before ob, refunds_before rb, typical_basket tb, device d
            """);

    private final DataSource dataSource;

    public FraudLookup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param customerId who orders
     * @param restaurantId where (for the typical basket)
     * @param deviceId the device the order comes from, or null to take the account's signup device
     * @param at when the order is placed
     * @param excludeOrderId the order whose features these are, or null for a new order
     */
    public FraudHistory asOf(String customerId, String restaurantId, String deviceId, Instant at,
                             String excludeOrderId) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        values.put("customer_id", customerId);
        values.put("restaurant_id", restaurantId);
        values.put("device_id", deviceId);
        values.put("t", utc(at));
        values.put("basket_from", utc(at.minus(FeatureWindows.TYPICAL_BASKET)));
        // The restaurant's orders are found by (restaurant_id, placed_at): see DeliveryTimeLookup.SETTLE.
        values.put("scan_from", utc(at.minus(FeatureWindows.TYPICAL_BASKET).minus(DeliveryTimeLookup.SETTLE)));
        values.put("scan_to", utc(at.plus(DeliveryTimeLookup.SETTLE)));
        values.put("exclude_order_id", excludeOrderId);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = QUERY.prepare(c, values);
             ResultSet rows = s.executeQuery()) {
            rows.next();
            Timestamp signedUp = rows.getTimestamp("signed_up_at");
            return new FraudHistory(at, signedUp == null ? null : signedUp.toInstant(),
                    rows.getInt("customer_orders_before"), rows.getInt("customer_refunds_before"),
                    rows.getInt("accounts_on_device"), rows.getLong("basket_cents"), rows.getLong("baskets"));
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
