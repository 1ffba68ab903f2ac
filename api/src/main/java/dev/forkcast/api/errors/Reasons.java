package dev.forkcast.api.errors;

import java.time.LocalDate;

/** Plain-words reasons for inputs the framework could not bind, and where in a request a violation points. */
public final class Reasons {

    private Reasons() {
    }

    /** Why a value could not become a {@code type}: says what a right one looks like. */
    public static String expected(Class<?> type) {
        if (type == LocalDate.class) {
            return "must be a date like 2025-03-01 (YYYY-MM-DD)";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        return "has the wrong form";
    }

    /**
     * The field a bean-validation property path points at: its last node, as in {@code "runs.limit"} ->
     * {@code "limit"} or {@code "promote.request.version"} -> {@code "version"}; a field of an object inside a
     * list keeps the list and the index, {@code "batch.request.orders[3].itemCount"} -> {@code "orders[3].itemCount"},
     * so a client knows which element to fix.
     */
    public static String field(String propertyPath) {
        String[] nodes = propertyPath.split("\\.");
        for (int i = 0; i < nodes.length - 1; i++) {
            if (nodes[i].contains("[")) {
                return String.join(".", java.util.Arrays.copyOfRange(nodes, i, nodes.length));
            }
        }
        String last = nodes[nodes.length - 1];
        int bracket = last.indexOf('[');
        return bracket < 0 ? last : last.substring(0, bracket);
    }
}
