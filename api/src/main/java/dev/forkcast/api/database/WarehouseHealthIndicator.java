package dev.forkcast.api.database;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;

/** {@code /health} is DOWN (HTTP 503) when the warehouse does not answer: the API is useless without it. */
@Singleton
@Readiness
final class WarehouseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final DataSource dataSource;

    WarehouseHealthIndicator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        try (Connection connection = dataSource.getConnection()) {
            // 2 s: a health probe must answer quickly even when the database hangs.
            boolean valid = connection.isValid(2);
            healthStatus = valid ? HealthStatus.UP : HealthStatus.DOWN;
            return Map.of("valid", valid);
        } catch (Exception e) {
            healthStatus = HealthStatus.DOWN;
            return Map.of("error", String.valueOf(e.getMessage()));
        }
    }

    @Override
    protected String getName() {
        return "warehouse";
    }
}
