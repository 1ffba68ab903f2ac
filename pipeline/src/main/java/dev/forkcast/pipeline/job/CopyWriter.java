package dev.forkcast.pipeline.job;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Properties;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.postgresql.PGConnection;

/**
 * Writes a dataset into a PostgreSQL table with {@code COPY ... FROM STDIN}, each Spark partition on its
 * own connection. Spark's JDBC writer sends INSERT batches; COPY streams rows in PostgreSQL's bulk-load
 * format and is several times faster (measured by {@code ./forkcast bench etl}). The table is a load
 * table: one transaction per partition is fine, since nobody reads it before the run publishes it.
 */
final class CopyWriter implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Rows per COPY chunk: big enough to stream efficiently, small enough to keep memory flat. */
    private static final int CHUNK_ROWS = 20_000;

    private final String jdbcUrl;
    private final String user;
    private final String password;

    CopyWriter(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password == null ? "" : password;
    }

    /** COPYs every row of {@code rows} into {@code table}, columns matched by name. */
    void write(Dataset<Row> rows, String table) {
        String copy = "COPY " + table + " (" + String.join(", ", rows.columns()) + ") FROM STDIN (FORMAT csv)";
        rows.foreachPartition((ForeachPartitionFunction<Row>) partition -> copyPartition(partition, copy));
    }

    private void copyPartition(Iterator<Row> partition, String copy) throws SQLException {
        if (!partition.hasNext()) {
            return;
        }
        Properties p = new Properties();
        p.put("user", user);
        p.put("password", password);
        try (Connection c = DriverManager.getConnection(jdbcUrl, p)) {
            var copyApi = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder csv = new StringBuilder(1 << 20);
            int inChunk = 0;
            while (partition.hasNext()) {
                appendRow(csv, partition.next());
                if (++inChunk == CHUNK_ROWS) {
                    copyApi.copyIn(copy, new StringReader(csv.toString()));
                    csv.setLength(0);
                    inChunk = 0;
                }
            }
            if (inChunk > 0) {
                copyApi.copyIn(copy, new StringReader(csv.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row in COPY's CSV: NULL is an empty field, text is always quoted (so "" stays an empty string). */
    static void appendRow(StringBuilder csv, Row row) {
        for (int i = 0; i < row.length(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object value = row.get(i);
            if (value == null) {
                continue;
            }
            if (value instanceof String text) {
                csv.append('"');
                for (int k = 0; k < text.length(); k++) {
                    char ch = text.charAt(k);
                    if (ch == '"') {
                        csv.append('"');
                    }
                    csv.append(ch);
                }
                csv.append('"');
            } else if (value instanceof Timestamp t) {
                csv.append(t.toInstant());
            } else if (value instanceof Instant t) {
                csv.append(t);
            } else if (value instanceof Date d) {
                csv.append(d.toLocalDate());
            } else if (value instanceof LocalDate d) {
                csv.append(d);
            } else {
                // Numbers and booleans: Java's text forms (1.5E-7, NaN, Infinity, true) are what PostgreSQL reads.
                csv.append(value);
            }
        }
        csv.append('\n');
    }
}
