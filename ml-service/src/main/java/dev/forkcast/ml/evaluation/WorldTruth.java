package dev.forkcast.ml.evaluation;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What the simulated world knows about orders and the models can only estimate, read from
 * {@code truth.orders} for evaluation only (never a feature): the expected delivery minutes of the
 * simulator's generative model and the probability each order's fraud outcome was drawn from. With them
 * come the segments a report breaks metrics down by (weather, the restaurant's zone) from the marts.
 */
public final class WorldTruth {

    /**
     * One order's truth and segments.
     *
     * @param expectedMinutes E[delivery minutes] given the world at placement: predicting it exactly gives
     *     the best possible RMSE; NULL when the order could not be delivered
     * @param fraudProbability the probability its fraud outcome was drawn from: ranking by it gives the
     *     best possible PR-AUC
     * @param isFraud the outcome
     * @param weather weather when it was placed
     * @param zone the restaurant's zone
     */
    public record OrderTruth(Double expectedMinutes, double fraudProbability, boolean isFraud, String weather,
                             String zone) {
    }

    private final DataSource dataSource;

    public WorldTruth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The truth of each of {@code orderIds} the simulator recorded (orders it did not record are absent). */
    public Map<String, OrderTruth> of(Collection<String> orderIds) throws SQLException {
        Map<String, OrderTruth> out = new HashMap<>(orderIds.size() * 2);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT t.order_id, t.expected_delivery_minutes, t.fraud_probability, t.is_fraud, t.weather,
                            coalesce(r.zone_id, 'unknown')
                     FROM truth.orders t
                     LEFT JOIN marts.dim_restaurants r ON r.restaurant_id = t.restaurant_id
                     WHERE t.order_id = ANY (?)""")) {
            Array ids = connection.createArrayOf("text", orderIds.toArray());
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Double expected = rows.getObject(2) == null ? null : rows.getDouble(2);
                    out.put(rows.getString(1), new OrderTruth(expected, rows.getDouble(3), rows.getBoolean(4),
                            rows.getString(5), rows.getString(6)));
                }
            }
        }
        return out;
    }
}
