package dev.forkcast.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The slow path of {@link EventValidator}: checks a payload held as a tree, for the rare record whose
 * payload arrives before its {@code event_type}. Same rules, same messages, in the contract's field order.
 */
final class PayloadTree {

    private PayloadTree() {
    }

    static String check(JsonNode object, List<FieldSpec> specs, String prefix) {
        for (FieldSpec spec : specs) {
            JsonNode node = object.get(spec.name());
            String path = prefix + spec.name();
            if (node == null || node.isNull()) {
                if (spec.required()) {
                    return path + " is required";
                }
                continue;
            }
            String problem = checkField(spec, node, path);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String checkField(FieldSpec spec, JsonNode node, String path) {
        return switch (spec.kind()) {
            case STRING -> node.isTextual() ? null : path + " must be a string, got " + describe(node);
            case TIMESTAMP -> node.isTextual() ? null : path + " must be an ISO-8601 timestamp string, got " + describe(node);
            case BOOLEAN -> node.isBoolean() ? null : path + " must be true or false, got " + describe(node);
            case ENUM -> node.isTextual() && spec.allowed().contains(node.textValue()) ? null
                    : path + " must be one of " + spec.allowed() + ", got " + describe(node);
            case INTEGER, NUMBER -> checkNumber(spec, node, path);
            case ARRAY_OF_OBJECTS -> checkArray(spec, node, path);
            default -> throw new IllegalStateException("unhandled kind " + spec.kind());
        };
    }

    private static String checkNumber(FieldSpec spec, JsonNode node, String path) {
        boolean integer = spec.kind() == FieldSpec.Kind.INTEGER;
        if (integer ? !node.isIntegralNumber() : !node.isNumber()) {
            return path + " must be " + (integer ? "an integer" : "a number") + ", got " + describe(node);
        }
        double value = node.doubleValue();
        if (value < spec.min() || value > spec.max()) {
            return path + " must be between " + EventValidator.bound(spec.min()) + " and "
                    + EventValidator.bound(spec.max()) + ", got " + node.asText();
        }
        return null;
    }

    private static String checkArray(FieldSpec spec, JsonNode node, String path) {
        if (!node.isArray()) {
            return path + " must be an array, got " + describe(node);
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                return path + "[" + i + "] must be an object, got " + describe(item);
            }
            String problem = check(item, spec.itemFields(), path + "[" + i + "].");
            if (problem != null) {
                return problem;
            }
        }
        return node.size() < spec.min() ? path + " must have at least " + EventValidator.bound(spec.min()) + " element(s)" : null;
    }

    private static String describe(JsonNode node) {
        return EventValidator.describe(switch (node.getNodeType()) {
            case STRING -> com.fasterxml.jackson.core.JsonToken.VALUE_STRING;
            case NUMBER -> com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT;
            case BOOLEAN -> node.booleanValue() ? com.fasterxml.jackson.core.JsonToken.VALUE_TRUE
                    : com.fasterxml.jackson.core.JsonToken.VALUE_FALSE;
            case ARRAY -> com.fasterxml.jackson.core.JsonToken.START_ARRAY;
            case OBJECT -> com.fasterxml.jackson.core.JsonToken.START_OBJECT;
            default -> com.fasterxml.jackson.core.JsonToken.VALUE_NULL;
        }, node.isTextual() ? node.textValue() : node.asText());
    }
}
