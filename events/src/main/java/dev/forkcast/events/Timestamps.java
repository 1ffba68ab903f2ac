package dev.forkcast.events;

import java.time.LocalDate;

/**
 * Writes instants the one way every Forkcast event writes them: ISO-8601 in UTC with exactly three
 * fractional digits, e.g. {@code 2026-03-02T12:03:04.120Z}. A fixed width keeps the stream
 * byte-identical across runs and makes timestamps sort as text.
 *
 * <p>Hand-written rather than {@code DateTimeFormatter} because the simulator writes a few hundred
 * thousand of them a second; the date part is cached per day.
 */
public final class Timestamps {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private long cachedDay = Long.MIN_VALUE;
    private String cachedDatePrefix = "";

    /** Appends {@code epochMillis} as {@code yyyy-MM-ddTHH:mm:ss.SSSZ}. Not thread-safe (it caches). */
    public void append(StringBuilder out, long epochMillis) {
        long day = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        if (day != cachedDay) {
            cachedDay = day;
            cachedDatePrefix = LocalDate.ofEpochDay(day) + "T";
        }
        int millisOfDay = (int) (epochMillis - day * MILLIS_PER_DAY);
        int hours = millisOfDay / 3_600_000;
        int minutes = millisOfDay / 60_000 % 60;
        int seconds = millisOfDay / 1000 % 60;
        int millis = millisOfDay % 1000;
        out.append(cachedDatePrefix);
        twoDigits(out, hours).append(':');
        twoDigits(out, minutes).append(':');
        twoDigits(out, seconds).append('.');
        out.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10));
        out.append('Z');
    }

    /** Convenience for code that is not on a hot path. */
    public static String format(long epochMillis) {
        StringBuilder out = new StringBuilder(24);
        new Timestamps().append(out, epochMillis);
        return out.toString();
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
