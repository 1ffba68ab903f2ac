package dev.forkcast.events;

import java.util.List;

/**
 * One field of an event contract: its wire name, its JSON type, whether it must be present, and the
 * values it may take. The validator checks records against these; the JSON Schema files are
 * generated from them, so the two never disagree.
 */
public record FieldSpec(String name, Kind kind, boolean required, double min, double max, List<String> allowed,
                        List<FieldSpec> itemFields) {

    /** JSON types a field can have. */
    public enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, ENUM, TIMESTAMP, ARRAY_OF_OBJECTS }

    public static FieldSpec text(String name) {
        return new FieldSpec(name, Kind.STRING, true, Double.NaN, Double.NaN, List.of(), List.of());
    }

    public static FieldSpec integer(String name, double min, double max) {
        return new FieldSpec(name, Kind.INTEGER, true, min, max, List.of(), List.of());
    }

    public static FieldSpec number(String name, double min, double max) {
        return new FieldSpec(name, Kind.NUMBER, true, min, max, List.of(), List.of());
    }

    public static FieldSpec oneOf(String name, String... values) {
        return new FieldSpec(name, Kind.ENUM, true, Double.NaN, Double.NaN, List.of(values), List.of());
    }

    public static FieldSpec timestamp(String name) {
        return new FieldSpec(name, Kind.TIMESTAMP, true, Double.NaN, Double.NaN, List.of(), List.of());
    }

    public static FieldSpec arrayOf(String name, FieldSpec... itemFields) {
        return new FieldSpec(name, Kind.ARRAY_OF_OBJECTS, true, 1, Double.NaN, List.of(), List.of(itemFields));
    }

    /** The same field, allowed to be absent (or null). */
    public FieldSpec optional() {
        return new FieldSpec(name, kind, false, min, max, allowed, itemFields);
    }
}
