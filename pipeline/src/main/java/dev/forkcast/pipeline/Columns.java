package dev.forkcast.pipeline;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Checks a transformation's input before it runs, so a wrong input fails with its name, not deep in a plan. */
public final class Columns {

    private Columns() {
    }

    /** Throws naming every column of {@code required} that {@code input} lacks. */
    public static void require(Dataset<Row> input, String transformation, String... required) {
        List<String> present = Arrays.asList(input.columns());
        List<String> missing = Arrays.stream(required).filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(transformation + " needs column(s) " + missing + ", got " + present);
        }
    }
}
