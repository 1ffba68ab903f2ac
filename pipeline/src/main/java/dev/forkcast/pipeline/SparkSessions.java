package dev.forkcast.pipeline;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session Forkcast's jobs run in locally: {@code local[*]}, all cores of this machine. On a
 * cluster the same jobs run under {@code spark-submit}, which supplies its own master.
 */
public final class SparkSessions {

    private SparkSessions() {
    }

    /**
     * A session for a job: {@code local[*]} when started by {@code ./forkcast}, the cluster's master when
     * started by {@code spark-submit} (which passes it as the system property {@code spark.master}).
     * {@code withUi} opens Spark's web UI (port 4040) for people to watch.
     */
    public static SparkSession local(String appName, boolean withUi) {
        String submittedMaster = System.getProperty("spark.master");
        SparkSession.Builder builder = SparkSession.builder().appName(appName)
                .config("spark.ui.enabled", String.valueOf(withUi))
                // Staging tables are wide; printing their plans in full keeps Spark from warning that it truncated them.
                .config("spark.sql.debug.maxToStringFields", "100")
                // Timestamps are instants; the session speaks UTC like every event and table here.
                .config("spark.sql.session.timeZone", "UTC");
        if (submittedMaster == null) {
            builder.master("local[*]")
                    // Shuffles default to 200 partitions, sized for clusters; a laptop's data fits in a few.
                    .config("spark.sql.shuffle.partitions", "4")
                    // Bind to loopback: the driver talks only to itself, and some machines' hostnames do not resolve.
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    // Spark's catalogue directory stays inside the build directory, not in the working dir.
                    .config("spark.sql.warehouse.dir", Path.of("target", "spark-warehouse").toAbsolutePath().toString());
        }
        return builder.getOrCreate();
    }
}
