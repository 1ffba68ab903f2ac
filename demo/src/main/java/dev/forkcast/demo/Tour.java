package dev.forkcast.demo;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * What the demo prints once it is up: working {@code curl} lines for both roles, with ids that exist in this
 * warehouse (the sample order's restaurant and customer, the ETL's run, the history's last week), and where to
 * look next.
 */
final class Tour {

    private Tour() {
    }

    static void print(PrintStream out, DemoSettings settings, Demo demo, Demo.StartUp startUp) throws SQLException {
        String api = "localhost:" + settings.apiPort();
        SampleOrder sample = startUp.sample();
        DataSource warehouse = demo.warehouse().dataSource();
        long runId = latestRun(warehouse);
        LocalDate lastDay = sample.placedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%nForkcast is up: cold start to the first served prediction in %.1f s."
                + " In another terminal:%n%n", startUp.coldStartSeconds()));
        text.append("  # the ML engineer's side: the models, their aliases, and predictions from the champions\n");
        text.append("  curl -s ").append(api).append("/api/v1/models\n");
        text.append("  curl -s -X POST ").append(api).append("/api/v1/predictions/delivery-time -H 'Content-Type: application/json' \\\n")
                .append("       -d '").append(sample.deliveryTimeJson()).append("'\n");
        text.append("  curl -s -X POST ").append(api).append("/api/v1/predictions/fraud -H 'Content-Type: application/json' \\\n")
                .append("       -d '").append(sample.fraudJson()).append("'\n");
        text.append("  curl -s '").append(api).append("/api/v1/training/runs?limit=1'\n\n");
        text.append("  # the data engineer's side: pipeline runs, their quality checks, the daily KPIs\n");
        text.append("  curl -s '").append(api).append("/api/v1/pipeline/runs?limit=5'\n");
        text.append("  curl -s ").append(api).append("/api/v1/pipeline/runs/").append(runId).append("/quality\n");
        text.append("  curl -s '").append(api).append("/api/v1/kpis/daily?from=").append(lastDay.minusDays(6))
                .append("&to=").append(lastDay).append("'\n\n");
        text.append("  # the tables themselves\n");
        if (demo.warehouse().embeddedServer()) {
            text.append("  psql -h localhost -p ").append(portOf(demo.warehouse().settings().jdbcUrl()))
                    .append(" -U postgres ").append(DemoWarehouse.DATABASE)
                    .append("      (or any JDBC tool: ").append(demo.warehouse().settings().jdbcUrl()).append(")\n");
        } else {
            text.append("  ").append(demo.warehouse().settings().jdbcUrl()).append("\n");
        }
        text.append("    SELECT topic, kafka_partition, kafka_offset, event_type FROM raw.events ORDER BY landed_at DESC LIMIT 5;\n");
        text.append("    SELECT * FROM ml.prediction_log ORDER BY 1 DESC LIMIT 5;\n\n");
        text.append("  dashboard: http://").append(api).append("/dashboard   API docs: http://").append(api)
                .append("/swagger-ui\n");
        text.append("  logs of the child JVMs: ").append(settings.home().relativize(settings.stateDirectory()
                .resolve("logs").toAbsolutePath())).append("/{etl,train,api}.log\n");
        out.println(text);
    }

    private static long latestRun(DataSource warehouse) throws SQLException {
        try (Connection c = warehouse.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(run_id), 1) FROM ops.pipeline_runs")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The port of {@code jdbc:postgresql://localhost:54329/forkcast_demo}. */
    static String portOf(String jdbcUrl) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("//[^/:]+:(\\d+)/").matcher(jdbcUrl);
        return m.find() ? m.group(1) : "5432";
    }
}
