package dev.forkcast.ml.datasets;

import dev.forkcast.warehouse.features.FeatureCatalogue;
import dev.forkcast.warehouse.features.FeatureCatalogue.FeatureTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads the training rows of the two models from the warehouse's feature tables, with exactly the
 * catalogue's columns in the catalogue's order (the contract with the data engineer's ETL).
 *
 * <p>Only rows whose label is known are read: delivered orders for delivery time; for fraud, orders old
 * enough for a chargeback to have arrived if there was going to be one ({@link #FRAUD_LABEL_MATURITY}).
 */
public final class FeatureTableReader {

    /**
     * How long after an order its fraud label is trusted. Banks send chargebacks days later (the
     * simulated city: a median of 5 days, log-normal; about 96% arrive within 14 days). A younger order
     * without a chargeback is not "honest" yet, only "not yet known": training on it would teach the
     * model that recent fraud looks honest.
     */
    public static final Duration FRAUD_LABEL_MATURITY = Duration.ofDays(14);

    private final DataSource dataSource;

    public FeatureTableReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Delivered orders with their features and delivery minutes. */
    public List<FeatureRow> deliveryTimeRows() throws SQLException {
        return read(FeatureCatalogue.DELIVERY_TIME, "delivery_minutes", "delivery_minutes IS NOT NULL", null);
    }

    /**
     * Orders placed before {@code maturedBefore} with their features and fraud label (1 = a chargeback
     * arrived).
     */
    public List<FeatureRow> fraudRows(Instant maturedBefore) throws SQLException {
        return read(FeatureCatalogue.FRAUD, "CASE WHEN is_fraud THEN 1.0 ELSE 0.0 END", "placed_at < ?", maturedBefore);
    }

    /**
     * The start of the first day whose orders are all older than the label maturity, counted from the
     * newest order in {@code features.fraud}; empty when the table is empty. Whole days, so a split never
     * cuts a day in two.
     */
    public Optional<Instant> fraudLabelsMaturedBefore() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT max(placed_at) FROM features.fraud");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            Timestamp newest = rows.getTimestamp(1);
            if (newest == null) {
                return Optional.empty();
            }
            Instant cut = newest.toInstant().minus(FRAUD_LABEL_MATURITY);
            return Optional.of(cut.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant());
        }
    }

    private List<FeatureRow> read(FeatureTable table, String label, String where, Instant parameter)
            throws SQLException {
        String sql = "SELECT " + table.key() + ", " + table.timeColumn() + ", " + String.join(", ", table.featureNames())
                + ", " + label + " AS label FROM " + table.table() + " WHERE " + where + " ORDER BY "
                + table.timeColumn() + ", " + table.key();
        int featureCount = table.features().size();
        List<FeatureRow> out = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            // Stream the rows instead of holding the whole result twice (needs autocommit off in PgJDBC).
            connection.setAutoCommit(false);
            query.setFetchSize(10_000);
            if (parameter != null) {
                query.setTimestamp(1, Timestamp.from(parameter));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Object[] values = new Object[featureCount];
                    for (int i = 0; i < featureCount; i++) {
                        values[i] = rows.getObject(3 + i);
                    }
                    out.add(new FeatureRow(rows.getString(1), rows.getTimestamp(2).toInstant(), values,
                            rows.getDouble(3 + featureCount)));
                }
            }
            connection.commit();
        }
        return out;
    }
}
