package dev.forkcast.simulator.truth;

import java.time.LocalDate;

/**
 * Identifies a simulator run. The id is derived from the window, the seed and the config, so running
 * the same thing again replaces its truth instead of adding to it.
 */
public record RunInfo(String runId, long seed, LocalDate startDate, int days, String configJson,
                      long startMillis, long endMillis) {

    public static RunInfo of(long seed, LocalDate startDate, int days, String configJson) {
        long start = startDate.toEpochDay() * 86_400_000L;
        String id = String.format("sim-%s-%dd-seed%d-%08x", startDate, days, seed, configJson.hashCode());
        return new RunInfo(id, seed, startDate, days, configJson, start, start + days * 86_400_000L);
    }
}
