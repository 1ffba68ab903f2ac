package dev.forkcast.events;

/**
 * A small streaming JSON writer that always produces the same bytes for the same values: fields in
 * the order they are written, decimals with a fixed number of places, no whitespace.
 *
 * <p>Why not Jackson here? Determinism (a byte-identical stream for a seed) is a feature the tests
 * check, and the simulator's throughput target leaves about five microseconds per event. Reading
 * JSON back (the lander, the validator) uses a real parser.
 */
public final class JsonWriter {

    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};

    private final StringBuilder out;
    private final Timestamps timestamps;
    private boolean needsComma;
    private int depth;

    public JsonWriter(StringBuilder out, Timestamps timestamps) {
        this.out = out;
        this.timestamps = timestamps;
    }

    /** Opens an object: a new document at the top level, else the next element of an array. */
    public JsonWriter beginObject() {
        if (needsComma && depth > 0) {
            out.append(',');
        }
        out.append('{');
        needsComma = false;
        depth++;
        return this;
    }

    public JsonWriter beginObject(String name) {
        key(name);
        out.append('{');
        needsComma = false;
        depth++;
        return this;
    }

    public JsonWriter endObject() {
        out.append('}');
        needsComma = true;
        depth--;
        return this;
    }

    public JsonWriter beginArray(String name) {
        key(name);
        out.append('[');
        needsComma = false;
        depth++;
        return this;
    }

    public JsonWriter endArray() {
        out.append(']');
        needsComma = true;
        depth--;
        return this;
    }

    /** A string field; a null value writes nothing (absent and null mean the same in our contracts). */
    public JsonWriter field(String name, String value) {
        if (value == null) {
            return this;
        }
        key(name);
        appendQuoted(value);
        return this;
    }

    public JsonWriter field(String name, long value) {
        key(name);
        out.append(value);
        return this;
    }

    public JsonWriter field(String name, boolean value) {
        key(name);
        out.append(value);
        return this;
    }

    /** A decimal with exactly {@code places} digits after the point (0..7), rounded half away from zero. */
    public JsonWriter fixed(String name, double value, int places) {
        key(name);
        long scale = POWERS_OF_TEN[places];
        long scaled = Math.round(Math.abs(value) * scale);
        if (value < 0 && scaled != 0) {
            out.append('-');
        }
        out.append(scaled / scale);
        if (places > 0) {
            out.append('.');
            long fraction = scaled % scale;
            for (long p = scale / 10; p > 0; p /= 10) {
                out.append((char) ('0' + fraction / p % 10));
            }
        }
        return this;
    }

    /** An instant as a fixed-width ISO-8601 UTC string, see {@link Timestamps}. */
    public JsonWriter timestamp(String name, long epochMillis) {
        key(name);
        out.append('"');
        timestamps.append(out, epochMillis);
        out.append('"');
        return this;
    }

    private void key(String name) {
        if (needsComma) {
            out.append(',');
        }
        out.append('"').append(name).append("\":");
        needsComma = true;
    }

    private void appendQuoted(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
