package dev.forkcast.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * A real order of the history, read back from the marts: what the first prediction and the tour's {@code curl}
 * lines ask about, so every id in them exists and the answer can be set beside what really happened.
 *
 * @param deliveryMinutes how long the delivery really took (the marts' {@code delivery_minutes})
 * @param worldExpectedMinutes what the simulated world expected for it ({@code truth.orders}): the best any model
 *                             could predict, never a feature; NaN when the warehouse holds no truth for it
 */
public record SampleOrder(String orderId, String restaurantId, String customerId, double lat, double lon, int items,
                          long basketCents, String weather, String cardCountry, Instant placedAt,
                          double deliveryMinutes, double worldExpectedMinutes) {

    /** The history's last delivered order that makes a valid request; fails if the ETL left none. */
    public static SampleOrder latestDelivered(DataSource warehouse) throws SQLException {
        String sql = """
                SELECT o.order_id, o.restaurant_id, o.customer_id, p.delivery_lat_approx, p.delivery_lon_approx,
                       o.item_count, o.basket_value_cents,
                       CASE WHEN o.weather IN ('clear', 'rain', 'storm') THEN o.weather END AS weather,
                       o.card_country, o.placed_at, o.delivery_minutes, t.expected_delivery_minutes
                FROM marts.fct_orders o
                LEFT JOIN truth.orders t ON t.order_id = o.order_id
                JOIN LATERAL (SELECT e.delivery_lat_approx, e.delivery_lon_approx FROM staging.order_events e
                              WHERE e.order_id = o.order_id AND e.event_type = 'order_placed'
                                AND e.delivery_lat_approx IS NOT NULL
                              ORDER BY e.received_at LIMIT 1) p ON true
                WHERE o.status = 'delivered' AND o.item_count BETWEEN 1 AND 100 AND o.basket_value_cents >= 0
                  AND o.card_country ~ '^[A-Z]{2}$' AND o.delivery_minutes IS NOT NULL
                ORDER BY o.placed_at DESC, o.order_id
                LIMIT 1""";
        try (Connection c = warehouse.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("the warehouse has no delivered order to ask about: did the ETL run?");
            }
            return new SampleOrder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                    rs.getInt(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
                    rs.getDouble(11), rs.getObject(12) == null ? Double.NaN : rs.getDouble(12));
        }
    }

    /** The body of {@code POST /api/v1/predictions/delivery-time} for this order, at its own placement time. */
    public String deliveryTimeJson() {
        return String.format(Locale.ROOT, "{\"restaurantId\":\"%s\",\"deliveryLat\":%.4f,\"deliveryLon\":%.4f,"
                + "\"itemCount\":%d,\"basketValueCents\":%d,%s\"placedAt\":\"%s\"}", restaurantId, lat, lon, items,
                basketCents, weather == null ? "" : "\"weather\":\"" + weather + "\",", placedAt);
    }

    /** The body of {@code POST /api/v1/predictions/fraud} for this order, at its own placement time. */
    public String fraudJson() {
        return String.format(Locale.ROOT, "{\"customerId\":\"%s\",\"restaurantId\":\"%s\",\"basketValueCents\":%d,"
                + "\"deliveryLat\":%.4f,\"deliveryLon\":%.4f,\"cardCountry\":\"%s\",\"placedAt\":\"%s\"}", customerId,
                restaurantId, basketCents, lat, lon, cardCountry, placedAt);
    }
}
