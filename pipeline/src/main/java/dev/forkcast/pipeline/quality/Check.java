package dev.forkcast.pipeline.quality;

/**
 * One data-quality check, dbt-style: a SQL query that counts the rows breaking a rule. Zero means
 * passed. Checks run on a layer's load tables, before the layer is published, so a failed check of
 * severity {@link Severity#ERROR} keeps bad rows out of the tables people read.
 *
 * @param name unique within a run, e.g. {@code unique__marts.fct_orders__order_id}
 * @param layer staging, marts or features
 * @param table the table the rule is about (its load table is what is checked)
 * @param kind unique, not_null, accepted_values, range, relationship, reconciliation, freshness, ...
 * @param failingRowsSql a query returning one number: the rows breaking the rule
 * @param detailSql a query returning one text that shows what failed (examples, the two counts), or null
 */
public record Check(String name, String layer, String table, String kind, Severity severity, String failingRowsSql,
                    String detailSql) {

    /** What a failure means. */
    public enum Severity {
        /** The data is wrong: the run stops before publishing the layer. */
        ERROR,
        /** Worth a look, but the data is still usable: recorded, the run goes on. */
        WARN;

        public String sqlName() {
            return name().toLowerCase();
        }
    }
}
