package dev.forkcast.pipeline.job;

import dev.forkcast.pipeline.job.WarehouseTables.Target;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Progress lines people read while the ETL runs: which role owns the step, what it did, how long it took. */
public final class Progress {

    private final PrintStream out;

    private Progress(PrintStream out) {
        this.out = out;
    }

    public static Progress toConsole() {
        return new Progress(System.out);
    }

    /** For tests: nothing printed. */
    public static Progress silent() {
        return new Progress(null);
    }

    void say(String role, String message) {
        if (out != null) {
            out.printf("[%s] %s%n", role, message);
        }
    }

    /** One table computed and loaded. */
    void step(String table, long rows, long startedNanos) {
        if (out != null) {
            out.printf("    %-26s %,12d rows  %6.1f s%n", table, rows, (System.nanoTime() - startedNanos) / 1e9);
        }
    }

    void done(String role, String layer, List<Target> targets, Map<String, Long> rowsIn, long startedNanos) {
        StringBuilder line = new StringBuilder(String.format("%s published in %.1f s:", layer,
                (System.nanoTime() - startedNanos) / 1e9));
        for (Target t : targets) {
            line.append(String.format(" %s %,d", t.table().substring(t.table().indexOf('.') + 1), rowsIn.get(t.table())));
        }
        say(role, line.toString());
    }
}
