package dev.forkcast.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;

/**
 * Checks a record against the event contracts ({@link EventContracts}) and says exactly what is wrong.
 * Checks, in order: the bytes are a JSON object; the envelope has a known {@code event_type}, a supported
 * integer {@code schema_version}, an {@code event_id}, an ISO-8601 {@code event_time} and the entity ids
 * the type needs; then every payload field has its type and allowed values. Unknown extra fields are
 * accepted (forward compatibility: producers may add optional fields before consumers know them).
 *
 * <p>Thread-safe; about a few microseconds per record.
 */
public final class EventValidator {

    private final ObjectMapper json = new ObjectMapper();

    public Validation validate(byte[] value) {
        JsonNode root;
        try {
            root = json.readTree(value);
        } catch (JsonProcessingException e) {
            return Validation.rejected("not valid JSON: " + e.getOriginalMessage() + location(e));
        } catch (IOException e) {
            return Validation.rejected("not valid JSON: " + e.getMessage());
        }
        return validate(root);
    }

    public Validation validate(String value) {
        return validate(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Validation validate(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            return Validation.rejected("empty record");
        }
        if (!root.isObject()) {
            return Validation.rejected("not a JSON object but " + describe(root));
        }
        JsonNode typeNode = root.get("event_type");
        if (typeNode == null || !typeNode.isTextual()) {
            return Validation.rejected(missingOrWrong("event_type", typeNode, "a string"));
        }
        EventType type = EventType.fromWireName(typeNode.textValue());
        if (type == null) {
            return Validation.rejected("unknown event_type \"" + typeNode.textValue() + "\"");
        }
        JsonNode versionNode = root.get("schema_version");
        if (versionNode == null || !versionNode.isIntegralNumber()) {
            return Validation.rejected(type.wireName() + ": " + missingOrWrong("schema_version", versionNode, "an integer"));
        }
        int version = versionNode.intValue();
        EventContract contract = EventContracts.find(type, version);
        if (contract == null) {
            return Validation.rejected(type.wireName() + ": unsupported schema_version " + version
                    + " (this consumer knows version " + EventContracts.CURRENT_VERSION + ")");
        }
        String where = type.wireName() + " v" + version + ": ";
        JsonNode idNode = root.get("event_id");
        if (idNode == null || !idNode.isTextual() || idNode.textValue().isEmpty()) {
            return Validation.rejected(where + missingOrWrong("event_id", idNode, "a non-empty string"));
        }
        JsonNode timeNode = root.get("event_time");
        if (timeNode == null || !timeNode.isTextual()) {
            return Validation.rejected(where + missingOrWrong("event_time", timeNode, "an ISO-8601 timestamp string"));
        }
        long eventTime;
        try {
            eventTime = Instant.parse(timeNode.textValue()).toEpochMilli();
        } catch (DateTimeParseException e) {
            return Validation.rejected(where + "event_time \"" + timeNode.textValue() + "\" is not an ISO-8601 UTC timestamp");
        }
        for (String id : contract.entityIds()) {
            JsonNode node = root.get(id);
            if (node == null || node.isNull() || !node.isTextual() || node.textValue().isEmpty()) {
                return Validation.rejected(where + missingOrWrong(id, node, "a non-empty string"));
            }
        }
        JsonNode payload = root.get("payload");
        if (payload == null || !payload.isObject()) {
            return Validation.rejected(where + missingOrWrong("payload", payload, "an object"));
        }
        String problem = checkFields(payload, contract.payload().iterator(), "payload.");
        if (problem != null) {
            return Validation.rejected(where + problem);
        }
        return Validation.accepted(idNode.textValue(), type, version, eventTime);
    }

    /** The first field that breaks its spec, described, or null when all are fine. */
    private static String checkFields(JsonNode object, Iterator<FieldSpec> specs, String prefix) {
        while (specs.hasNext()) {
            FieldSpec spec = specs.next();
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
        switch (spec.kind()) {
            case STRING -> {
                if (!node.isTextual()) {
                    return path + " must be a string, got " + describe(node);
                }
            }
            case TIMESTAMP -> {
                if (!node.isTextual()) {
                    return path + " must be an ISO-8601 timestamp string, got " + describe(node);
                }
            }
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    return path + " must be true or false, got " + describe(node);
                }
            }
            case ENUM -> {
                if (!node.isTextual() || !spec.allowed().contains(node.textValue())) {
                    return path + " must be one of " + spec.allowed() + ", got " + describe(node);
                }
            }
            case INTEGER, NUMBER -> {
                boolean rightType = spec.kind() == FieldSpec.Kind.INTEGER ? node.isIntegralNumber() : node.isNumber();
                if (!rightType) {
                    return path + " must be " + (spec.kind() == FieldSpec.Kind.INTEGER ? "an integer" : "a number")
                            + ", got " + describe(node);
                }
                double value = node.doubleValue();
                if (value < spec.min() || value > spec.max()) {
                    return path + " must be between " + bound(spec.min()) + " and " + bound(spec.max()) + ", got "
                            + node.asText();
                }
            }
            case ARRAY_OF_OBJECTS -> {
                if (!node.isArray()) {
                    return path + " must be an array, got " + describe(node);
                }
                if (node.size() < spec.min()) {
                    return path + " must have at least " + bound(spec.min()) + " element(s)";
                }
                for (int i = 0; i < node.size(); i++) {
                    JsonNode item = node.get(i);
                    if (!item.isObject()) {
                        return path + "[" + i + "] must be an object, got " + describe(item);
                    }
                    String problem = checkFields(item, spec.itemFields().iterator(), path + "[" + i + "].");
                    if (problem != null) {
                        return problem;
                    }
                }
            }
            default -> throw new IllegalStateException("unhandled kind " + spec.kind());
        }
        return null;
    }

    private static String missingOrWrong(String field, JsonNode node, String expected) {
        return node == null || node.isNull() ? field + " is required" : field + " must be " + expected + ", got " + describe(node);
    }

    /** "string \"12\"", "number 12", "object": enough to see the mistake without dumping the record. */
    static String describe(JsonNode node) {
        String text = node.toString();
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return switch (node.getNodeType()) {
            case STRING -> "string " + text;
            case NUMBER -> "number " + text;
            case BOOLEAN -> "boolean " + text;
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase();
        };
    }

    private static String bound(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (at column " + e.getLocation().getColumnNr() + ")";
    }
}
