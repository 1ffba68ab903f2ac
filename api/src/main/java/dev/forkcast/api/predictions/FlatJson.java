package dev.forkcast.api.predictions;

import java.util.Map;

/**
 * A flat JSON object of a prediction log's values (names to numbers, text, booleans or nulls), written straight
 * into a buffer: the log writes two per prediction, and the framework's general mapper (a serializer looked up per
 * value) was a third of the server's Java CPU in the benchmark. A number that JSON cannot hold (NaN, infinite) is
 * written as null, as jsonb would refuse the whole batch for it; a nested value is refused (the log has none).
 */
final class FlatJson {

    private FlatJson() {
    }

    static StringBuilder append(StringBuilder out, Map<String, Object> values) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey()).append(':');
            value(out, e.getValue());
        }
        return out.append('}');
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Double d) {
            number(out, d);
        } else if (value instanceof Float f) {
            number(out, f.doubleValue());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof CharSequence || value instanceof Enum<?>) {
            string(out, value.toString());
        } else {
            throw new IllegalArgumentException("not a flat JSON value: " + value.getClass().getName());
        }
    }

    private static void number(StringBuilder out, double d) {
        if (Double.isFinite(d)) {
            out.append(d);
        } else {
            out.append("null");
        }
    }

    private static StringBuilder string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
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
        return out.append('"');
    }
}
