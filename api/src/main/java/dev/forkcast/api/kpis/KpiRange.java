package dev.forkcast.api.kpis;

import dev.forkcast.api.errors.ApiException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A day range a caller may ask for: {@code from} not after {@code to}, at most {@value #MAX_DAYS} days. */
public final class KpiRange {

    /**
     * A year: enough for any dashboard, and it bounds a response at a few thousand rows (days x zones x
     * cuisines) however the query is written.
     */
    public static final int MAX_DAYS = 366;

    private KpiRange() {
    }

    /** Returns normally for a range that may be asked for, else the 400 naming the field to fix. */
    public static void check(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiException.badRequest("to", "must not be before from (" + from + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw ApiException.badRequest("to", "must be at most " + MAX_DAYS + " days from from (asked for " + days + ")");
        }
    }
}
