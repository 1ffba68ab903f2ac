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

    /**
     * Reads a timestamp written by {@link #append} ({@code yyyy-MM-ddTHH:mm:ss.SSSZ}) without the cost of
     * a general ISO-8601 parser; returns {@link Long#MIN_VALUE} for any other form (callers then fall
     * back to {@code Instant.parse}, which accepts every ISO-8601 variant).
     */
    public static long parse(String text) {
        if (text.length() != 24 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(23) != 'Z') {
            return Long.MIN_VALUE;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int millis = digits(text, 20, 3);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || millis < 0) {
            return Long.MIN_VALUE;
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return Long.MIN_VALUE;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return epochDay * MILLIS_PER_DAY + hour * 3_600_000L + minute * 60_000L + second * 1000L + millis;
    }

    /** The number written in {@code length} decimal digits at {@code start}, or -1 if any is not a digit. */
    private static int digits(String text, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
