package dev.forkcast.ingestion.landing;

import java.io.PrintStream;

/** One progress line from the lander's metrics: landed, landing rate, dead letters, lag. */
public final class IngestionProgress {

    private final PrintStream out;
    private final LanderMetrics metrics;
    private final long startedNanos = System.nanoTime();
    private long lastNanos = startedNanos;
    private long lastLanded;

    public IngestionProgress(PrintStream out, LanderMetrics metrics) {
        this.out = out;
        this.metrics = metrics;
    }

    /** Prints a line; {@code produced} is shown when known (-1 otherwise). */
    public void print(long produced) {
        long now = System.nanoTime();
        long landed = metrics.getLandedTotal() + metrics.getDeadLetteredTotal();
        double rate = (landed - lastLanded) / Math.max(1e-9, (now - lastNanos) / 1e9);
        lastNanos = now;
        lastLanded = landed;
        out.printf("  %6.1f s  %s landed %,11d  (%,8.0f/s)   dead letters %,7d   lag %,9d%n",
                (now - startedNanos) / 1e9, produced >= 0 ? String.format("produced %,11d  ", produced) : "",
                metrics.getLandedTotal(), rate, metrics.getDeadLetteredTotal(), metrics.getLag());
    }
}
