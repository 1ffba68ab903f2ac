package dev.forkcast.ml.datasets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One order as a model sees it: its feature values in the catalogue's order (numbers, booleans or text,
 * {@code null} when unknown) and the label to learn (minutes, or 1/0 for fraud).
 *
 * @param orderId the order
 * @param placedAt when it was placed: what the time-based split cuts on
 * @param values feature values, in {@code FeatureTable.features()} order
 * @param label what the model learns to predict
 */
public record FeatureRow(String orderId, Instant placedAt, Object[] values, double label) {

    /** The day (UTC) the order was placed. */
    public LocalDate day() {
        return placedAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** The fraud label as a boolean. */
    public boolean isPositive() {
        return label >= 0.5;
    }
}
