package dev.forkcast.pipeline;

import org.apache.spark.sql.SparkSession;

/** One local Spark session per test JVM (starting one takes seconds), never stopped by a test. */
public final class TestSpark {

    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSessions.local("forkcast-tests", false);
        }
        return session;
    }
}
