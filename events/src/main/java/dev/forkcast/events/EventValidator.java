package dev.forkcast.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a record against the event contracts ({@link EventContracts}) and says exactly what is wrong.
 * Checks, in order: the bytes are one JSON object; the envelope has a known {@code event_type}, a
 * supported integer {@code schema_version}, an {@code event_id}, an ISO-8601 {@code event_time} and the
 * entity ids the type needs; then every payload field has its type and allowed values. Unknown extra
 * fields are accepted (forward compatibility: producers may add optional fields before consumers know them).
 *
 * <p>It reads the record once, as a stream of tokens, without building a tree: the lander validates
 * every record it lands, and a tree of maps per record costs more than the rest of landing together.
 * Only a record whose payload comes before its {@code event_type} (legal JSON, never produced by
 * Forkcast) is checked through a tree. Thread-safe.
 */
public final class EventValidator {

    /** Jackson's fast double parser: latitudes and longitudes are most of the numbers read. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    private static final ObjectMapper TREES = new ObjectMapper(JSON);
    /** The top-level fields the validator reads; any other top-level field is skipped unread. */
    private static final List<String> ENVELOPE_NAMES = List.of("event_id", "event_type", "schema_version", "event_time",
            "order_id", "customer_id", "restaurant_id", "courier_id");

    private static int slot(String name) {
        return switch (name) {
            case "event_id" -> 0;
            case "event_type" -> 1;
            case "schema_version" -> 2;
            case "event_time" -> 3;
            case "order_id" -> 4;
            case "customer_id" -> 5;
            case "restaurant_id" -> 6;
            case "courier_id" -> 7;
            default -> -1;
        };
    }

    private static Field field(Envelope envelope, String name) {
        return envelope.fields[slot(name)];
    }

    /** The fields of one object (a payload, a basket item) in contract order, with each name's position. */
    private record ObjectSpec(List<FieldSpec> ordered, Map<String, Integer> positions) {
        static ObjectSpec of(List<FieldSpec> fields) {
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                positions.put(fields.get(i).name(), i);
            }
            return new ObjectSpec(fields, positions);
        }
    }

    /** Built once: the payload of each event type, and the items of each array field. */
    private static final Map<EventType, ObjectSpec> PAYLOADS = new HashMap<>();
    private static final Map<FieldSpec, ObjectSpec> ARRAY_ITEMS = new java.util.IdentityHashMap<>();

    static {
        for (EventType type : EventType.values()) {
            List<FieldSpec> payload = EventContracts.of(type).payload();
            PAYLOADS.put(type, ObjectSpec.of(payload));
            for (FieldSpec field : payload) {
                if (field.kind() == FieldSpec.Kind.ARRAY_OF_OBJECTS) {
                    ARRAY_ITEMS.put(field, ObjectSpec.of(field.itemFields()));
                }
            }
        }
    }

    public Validation validate(String value) {
        return validate(value.getBytes(StandardCharsets.UTF_8));
    }

    public Validation validate(byte[] value) {
        try (JsonParser parser = JSON.createParser(value)) {
            return validate(parser);
        } catch (JsonProcessingException e) {
            return Validation.rejected("not valid JSON: " + e.getOriginalMessage() + location(e));
        } catch (IOException e) {
            return Validation.rejected("not valid JSON: " + e.getMessage());
        }
    }

    /** What the envelope said, gathered while the record streams by. */
    private static final class Envelope {
        /** The envelope's known fields, in a fixed slot each (see {@link #slot}); other names are skipped. */
        final Field[] fields = new Field[ENVELOPE_NAMES.size()];
        String payloadProblem;
        boolean payloadSeen;
        boolean payloadIsObject;
        String payloadDescription;
        JsonNode payloadTree;
    }

    /** One top-level scalar field: its token and text, enough to check it and to describe it. */
    private record Field(JsonToken token, String text, int intValue) {
    }

    private Validation validate(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            return Validation.rejected("empty record");
        }
        if (first != JsonToken.START_OBJECT) {
            return Validation.rejected("not a JSON object but " + describe(p));
        }
        Envelope envelope = new Envelope();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            int slot = slot(name);
            if (name.equals("payload")) {
                readPayload(p, token, envelope);
            } else if (slot < 0) {
                p.skipChildren();
            } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                envelope.fields[slot] = new Field(token, null, 0);
                p.skipChildren();
            } else {
                boolean smallInteger = token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT;
                envelope.fields[slot] = new Field(token, p.getText(), smallInteger ? p.getIntValue() : Integer.MIN_VALUE);
            }
        }
        if (p.nextToken() != null) {
            return Validation.rejected("unexpected content after the JSON object");
        }
        return judge(envelope);
    }

    /** Checks the payload as it streams if the contract is already known, else keeps it as a tree. */
    private void readPayload(JsonParser p, JsonToken token, Envelope envelope) throws IOException {
        envelope.payloadSeen = true;
        envelope.payloadIsObject = token == JsonToken.START_OBJECT;
        if (!envelope.payloadIsObject) {
            envelope.payloadDescription = describe(p);
            p.skipChildren();
            return;
        }
        EventContract contract = contractSoFar(envelope);
        if (contract == null) {
            envelope.payloadTree = TREES.readTree(p);
            return;
        }
        envelope.payloadProblem = checkObject(p, PAYLOADS.get(contract.type()), "payload.");
    }

    private static EventContract contractSoFar(Envelope envelope) {
        Field type = field(envelope, "event_type");
        Field version = field(envelope, "schema_version");
        if (type == null || type.token() != JsonToken.VALUE_STRING || version == null
                || version.token() != JsonToken.VALUE_NUMBER_INT) {
            return null;
        }
        EventType eventType = EventType.fromWireName(type.text());
        return eventType == null ? null : EventContracts.find(eventType, version.intValue());
    }

    private Validation judge(Envelope envelope) {
        Field typeField = field(envelope, "event_type");
        if (typeField == null || typeField.token() != JsonToken.VALUE_STRING) {
            return Validation.rejected(missingOrWrong("event_type", typeField, "a string"));
        }
        EventType type = EventType.fromWireName(typeField.text());
        if (type == null) {
            return Validation.rejected("unknown event_type \"" + typeField.text() + "\"");
        }
        Field versionField = field(envelope, "schema_version");
        if (versionField == null || versionField.token() != JsonToken.VALUE_NUMBER_INT) {
            return Validation.rejected(type.wireName() + ": " + missingOrWrong("schema_version", versionField, "an integer"));
        }
        int version = versionField.intValue();
        EventContract contract = EventContracts.find(type, version);
        if (contract == null) {
            return Validation.rejected(type.wireName() + ": unsupported schema_version " + version
                    + " (this consumer knows version " + EventContracts.CURRENT_VERSION + ")");
        }
        String where = type.wireName() + " v" + version + ": ";
        Field idField = field(envelope, "event_id");
        if (idField == null || idField.token() != JsonToken.VALUE_STRING || idField.text().isEmpty()) {
            return Validation.rejected(where + missingOrWrong("event_id", idField, "a non-empty string"));
        }
        Field timeField = field(envelope, "event_time");
        if (timeField == null || timeField.token() != JsonToken.VALUE_STRING) {
            return Validation.rejected(where + missingOrWrong("event_time", timeField, "an ISO-8601 timestamp string"));
        }
        long eventTime = Timestamps.parse(timeField.text());
        if (eventTime == Long.MIN_VALUE) {
            try {
                eventTime = Instant.parse(timeField.text()).toEpochMilli();
            } catch (DateTimeParseException e) {
                return Validation.rejected(where + "event_time \"" + timeField.text() + "\" is not an ISO-8601 UTC timestamp");
            }
        }
        for (String id : contract.entityIds()) {
            Field field = field(envelope, id);
            if (field == null || field.token() != JsonToken.VALUE_STRING || field.text().isEmpty()) {
                return Validation.rejected(where + missingOrWrong(id, field, "a non-empty string"));
            }
        }
        if (!envelope.payloadSeen || !envelope.payloadIsObject) {
            return Validation.rejected(where + (envelope.payloadSeen
                    ? "payload must be an object, got " + envelope.payloadDescription : "payload is required"));
        }
        String problem = envelope.payloadTree != null
                ? PayloadTree.check(envelope.payloadTree, contract.payload(), "payload.")
                : envelope.payloadProblem;
        if (problem != null) {
            return Validation.rejected(where + problem);
        }
        return Validation.accepted(idField.text(), type, version, eventTime);
    }

    /**
     * Streams through one object (the parser is just past its START_OBJECT) and returns the first
     * problem, or null. Always consumes the object to its end.
     */
    private static String checkObject(JsonParser p, ObjectSpec spec, String prefix) throws IOException {
        List<FieldSpec> ordered = spec.ordered();
        String problem = null;
        long present = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            Integer position = spec.positions().get(name);
            if (position == null || problem != null || token == JsonToken.VALUE_NULL) {
                p.skipChildren();
                continue;
            }
            present |= 1L << position;
            problem = checkValue(p, token, ordered.get(position), prefix + name);
        }
        if (problem != null) {
            return problem;
        }
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).required() && (present & (1L << i)) == 0) {
                return prefix + ordered.get(i).name() + " is required";
            }
        }
        return null;
    }

    /** Checks the value at the current token against its spec; consumes it fully. */
    private static String checkValue(JsonParser p, JsonToken token, FieldSpec spec, String path) throws IOException {
        switch (spec.kind()) {
            case STRING -> {
                return token == JsonToken.VALUE_STRING ? null : path + " must be a string, got " + describeAndSkip(p);
            }
            case TIMESTAMP -> {
                return token == JsonToken.VALUE_STRING ? null
                        : path + " must be an ISO-8601 timestamp string, got " + describeAndSkip(p);
            }
            case BOOLEAN -> {
                return token.isBoolean() ? null : path + " must be true or false, got " + describeAndSkip(p);
            }
            case ENUM -> {
                return token == JsonToken.VALUE_STRING && spec.allowed().contains(p.getText()) ? null
                        : path + " must be one of " + spec.allowed() + ", got " + describeAndSkip(p);
            }
            case INTEGER, NUMBER -> {
                boolean integer = spec.kind() == FieldSpec.Kind.INTEGER;
                boolean rightType = integer ? token == JsonToken.VALUE_NUMBER_INT : token.isNumeric();
                if (!rightType) {
                    return path + " must be " + (integer ? "an integer" : "a number") + ", got " + describeAndSkip(p);
                }
                double value = p.getValueAsDouble();
                if (value < spec.min() || value > spec.max()) {
                    return path + " must be between " + bound(spec.min()) + " and " + bound(spec.max()) + ", got "
                            + p.getText();
                }
                return null;
            }
            case ARRAY_OF_OBJECTS -> {
                if (token != JsonToken.START_ARRAY) {
                    return path + " must be an array, got " + describeAndSkip(p);
                }
                ObjectSpec itemSpec = ARRAY_ITEMS.get(spec);
                String problem = null;
                int index = 0;
                for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken(), index++) {
                    if (problem != null) {
                        p.skipChildren();
                    } else if (item != JsonToken.START_OBJECT) {
                        problem = path + "[" + index + "] must be an object, got " + describeAndSkip(p);
                    } else {
                        problem = checkObject(p, itemSpec, path + "[" + index + "].");
                    }
                }
                if (problem == null && index < spec.min()) {
                    problem = path + " must have at least " + bound(spec.min()) + " element(s)";
                }
                return problem;
            }
            default -> throw new IllegalStateException("unhandled kind " + spec.kind());
        }
    }

    private static String missingOrWrong(String field, Field value, String expected) {
        if (value == null || value.token() == JsonToken.VALUE_NULL) {
            return field + " is required";
        }
        return field + " must be " + expected + ", got " + describe(value.token(), value.text());
    }

    private static String describeAndSkip(JsonParser p) throws IOException {
        String description = describe(p);
        p.skipChildren();
        return description;
    }

    private static String describe(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        return describe(token, token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY ? null : p.getText());
    }

    /** "string \"12\"", "number 12", "an object": enough to see the mistake without dumping the record. */
    static String describe(JsonToken token, String text) {
        return switch (token) {
            case VALUE_STRING -> "string " + shorten(quote(text));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number " + shorten(text);
            case VALUE_TRUE, VALUE_FALSE -> "boolean " + text;
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_NULL -> "null";
            default -> token.toString().toLowerCase();
        };
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    static String bound(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (at column " + e.getLocation().getColumnNr() + ")";
    }
}
