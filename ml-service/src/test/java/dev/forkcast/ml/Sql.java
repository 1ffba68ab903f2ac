package dev.forkcast.ml;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The few SQL calls the ml-service tests make to set up and look at a scratch database. */
public final class Sql {

    private Sql() {
    }

    public static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of every row of {@code sql}, as text. */
    public static List<String> queryStrings(DataSource dataSource, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        return out;
    }

    /** The first column of the first row of {@code sql}, as text. */
    public static String queryString(DataSource dataSource, String sql) throws SQLException {
        return queryStrings(dataSource, sql).get(0);
    }
}
