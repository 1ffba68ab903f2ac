package dev.forkcast.api.predictions;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A customer's home as staging keeps it, for {@code km_from_home}. {@code FraudLookup} does not return it,
 * so this reads the columns the ETL's {@code FraudFeatures} joins: {@code staging.customers.home_lat_approx}
 * and {@code home_lon_approx} (already rounded by staging; the coordinates themselves never leave the API).
 */
@Singleton
class CustomerHomes {

    /** A home point; either coordinate may be null (staging keeps what the signup reported). */
    record Home(Double lat, Double lon) {
    }

    private static final String QUERY =
            "SELECT home_lat_approx, home_lon_approx FROM staging.customers WHERE customer_id = ?";

    private final DataSource dataSource;

    CustomerHomes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The customer's home, or empty when staging knows no such customer. */
    Optional<Home> of(String customerId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(QUERY)) {
            s.setString(1, customerId);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Home(nullable(rows, "home_lat_approx"), nullable(rows, "home_lon_approx")));
            }
        }
    }

    private static Double nullable(ResultSet rows, String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }
}
