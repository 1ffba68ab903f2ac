package dev.forkcast.warehouse.features;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL written with {@code :name} parameters, turned into a JDBC statement with one {@code ?} per use. A long
 * feature query uses the same moment many times; names keep it readable, and binding each use as a literal
 * parameter (not a CTE of parameters) lets the planner see the values and pick the index range scans.
 */
final class NamedSql {

    private static final Pattern NAME = Pattern.compile("(?<!:):([a-z_]+)");

    private final String jdbcSql;
    private final List<String> names;

    NamedSql(String sql) {
        Matcher m = NAME.matcher(sql);
        List<String> found = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            found.add(m.group(1));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        this.jdbcSql = out.toString();
        this.names = List.copyOf(found);
    }

    /** A statement with every use of every name bound to its value (a missing name is a bug: it throws). */
    PreparedStatement prepare(Connection c, Map<String, Object> values) throws SQLException {
        PreparedStatement s = c.prepareStatement(jdbcSql);
        for (int i = 0; i < names.size(); i++) {
            if (!values.containsKey(names.get(i))) {
                s.close();
                throw new IllegalArgumentException("no value for :" + names.get(i));
            }
            s.setObject(i + 1, values.get(names.get(i)));
        }
        return s;
    }
}
