package dev.forkcast.pipeline.quality;

import dev.forkcast.pipeline.quality.Check.Severity;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The kinds of check, as SQL. Each looks at {@code <table>_load}, the rows a run is about to publish;
 * {@code parent} tables in relationships are given as SQL, since a parent may be the published table,
 * its load, or both.
 */
public final class Checks {

    private Checks() {
    }

    static String load(String table) {
        return table + "_load";
    }

    /** No two rows share {@code key}. */
    public static Check unique(String layer, String table, String key) {
        return new Check("unique__" + table + "__" + key, layer, table, "unique", Severity.ERROR,
                "SELECT count(*) - count(DISTINCT " + key + ") FROM " + load(table),
                "SELECT 'e.g. ' || string_agg(k, ', ') FROM (SELECT " + key + "::text AS k FROM " + load(table)
                        + " GROUP BY " + key + " HAVING count(*) > 1 LIMIT 5) d");
    }

    /** {@code column} is never NULL. */
    public static Check notNull(String layer, String table, String column) {
        return new Check("not_null__" + table + "__" + column, layer, table, "not_null", Severity.ERROR,
                "SELECT count(*) FROM " + load(table) + " WHERE " + column + " IS NULL", null);
    }

    /** {@code column} is NULL or one of {@code values}. */
    public static Check acceptedValues(String layer, String table, String column, Severity severity, String... values) {
        String list = Arrays.stream(values).map(v -> "'" + v + "'").collect(Collectors.joining(", "));
        String outside = " FROM " + load(table) + " WHERE " + column + " IS NOT NULL AND " + column + " NOT IN (" + list + ")";
        return new Check("accepted_values__" + table + "__" + column, layer, table, "accepted_values", severity,
                "SELECT count(*)" + outside,
                "SELECT 'unexpected: ' || string_agg(DISTINCT " + column + "::text, ', ')" + outside);
    }

    /** {@code column} is NULL or within [min, max]. */
    public static Check range(String layer, String table, String column, Severity severity, double min, double max) {
        String outside = " FROM " + load(table) + " WHERE " + column + " < " + min + " OR " + column + " > " + max;
        return new Check("range__" + table + "__" + column, layer, table, "range", severity,
                "SELECT count(*)" + outside,
                "SELECT 'expected " + min + " to " + max + ", seen ' || min(" + column + ") || ' to ' || max(" + column
                        + ")" + outside);
    }

    /** A rule of the caller's own: {@code condition} is true of every row. */
    public static Check rule(String name, String layer, String table, Severity severity, String condition) {
        return new Check("rule__" + table + "__" + name, layer, table, "rule", severity,
                "SELECT count(*) FROM " + load(table) + " WHERE NOT (" + condition + ")", null);
    }

    /** Every non-NULL {@code column} exists as {@code parentColumn} in {@code parentRowsSql}. */
    public static Check relationship(String layer, String table, String column, String parentName,
                                     String parentRowsSql, String parentColumn) {
        String orphans = " FROM " + load(table) + " c WHERE c." + column + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ("
                + parentRowsSql + ") p WHERE p." + parentColumn + " = c." + column + ")";
        return new Check("relationship__" + table + "__" + column + "__" + parentName, layer, table, "relationship",
                Severity.ERROR, "SELECT count(*)" + orphans,
                "SELECT 'unknown: ' || string_agg(DISTINCT " + column + ", ', ') FROM (SELECT c." + column + orphans
                        + " LIMIT 5) o");
    }

    /** Two counts that must agree, e.g. events read from raw and rows written to staging. */
    public static Check reconciliation(String name, String layer, String table, String expectedSql, String actualSql) {
        return new Check("reconciliation__" + table + "__" + name, layer, table, "reconciliation", Severity.ERROR,
                "SELECT abs((" + expectedSql + ") - (" + actualSql + "))",
                "SELECT 'expected ' || (" + expectedSql + ") || ', got ' || (" + actualSql + ")");
    }

    /** The newest {@code timeColumn} is at most {@code maxHours} behind the newest event that reached raw. */
    public static Check freshness(String layer, String table, String timeColumn, double maxHours) {
        String behind = "EXTRACT(EPOCH FROM ((SELECT max(kafka_timestamp) FROM raw.events) - (SELECT max(" + timeColumn
                + ") FROM (SELECT " + timeColumn + " FROM " + table + " UNION ALL SELECT " + timeColumn + " FROM "
                + load(table) + ") t))) / 3600.0";
        return new Check("freshness__" + table + "__" + timeColumn, layer, table, "freshness", Severity.WARN,
                "SELECT CASE WHEN " + behind + " > " + maxHours + " THEN 1 ELSE 0 END",
                "SELECT round((" + behind + ")::numeric, 1) || ' hours behind raw (allowed " + maxHours + ")'");
    }
}
