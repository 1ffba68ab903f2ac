package dev.forkcast.api.kpis;

import dev.forkcast.api.database.Jdbc;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/** {@code marts.daily_kpis}, read only. */
@Singleton
public class KpiRepository {

    private final Jdbc jdbc;

    public KpiRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows from {@code from} to {@code to} (both included); a null zone or cuisine means "every one". */
    public List<DailyKpi> daily(LocalDate from, LocalDate to, @Nullable String zone, @Nullable String cuisine)
            throws SQLException {
        return jdbc.query("""
                SELECT order_date, zone_id, cuisine, orders, delivered, cancelled, in_progress, on_time_deliveries,
                       on_time_rate, avg_delivery_minutes, cancellation_rate, gross_value_cents, refund_requests,
                       chargebacks
                FROM marts.daily_kpis
                WHERE order_date BETWEEN ? AND ?
                  AND (?::text IS NULL OR zone_id = ?)
                  AND (?::text IS NULL OR cuisine = ?)
                ORDER BY order_date, zone_id, cuisine""",
                row -> new DailyKpi(row.getDate("order_date").toLocalDate(), row.getString("zone_id"),
                        row.getString("cuisine"), row.getLong("orders"), row.getLong("delivered"),
                        row.getLong("cancelled"), row.getLong("in_progress"), row.getLong("on_time_deliveries"),
                        Jdbc.nullableDouble(row, "on_time_rate"), Jdbc.nullableDouble(row, "avg_delivery_minutes"),
                        row.getDouble("cancellation_rate"), row.getLong("gross_value_cents"),
                        row.getLong("refund_requests"), row.getLong("chargebacks")),
                Date.valueOf(from), Date.valueOf(to), zone, zone, cuisine, cuisine);
    }
}
