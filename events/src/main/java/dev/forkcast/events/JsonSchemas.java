package dev.forkcast.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes each contract as a JSON Schema (draft 2020-12), the form other teams and tools read. The
 * files are checked in under {@code events/src/main/resources/dev/forkcast/events/schemas/v1/}; a test
 * fails when they drift from {@link EventContracts}. To regenerate after changing a contract:
 * {@code ./mvnw -q -pl events compile exec:java -Dexec.mainClass=dev.forkcast.events.JsonSchemas}
 * or run {@link #main} from an IDE.
 */
public final class JsonSchemas {

    static final Path CHECKED_IN = Path.of("src/main/resources/dev/forkcast/events/schemas/v1");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonSchemas() {
    }

    /** Regenerates the checked-in schema files (run from the events module directory, or pass a directory). */
    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : CHECKED_IN;
        Files.createDirectories(dir);
        for (EventType type : EventType.values()) {
            Files.writeString(dir.resolve(fileName(type)), schemaText(type));
        }
        System.out.println("wrote " + EventType.values().length + " schemas to " + dir.toAbsolutePath());
    }

    public static String fileName(EventType type) {
        return type.wireName() + ".json";
    }

    /** The schema of one event type as pretty-printed JSON text (stable: same contract, same text). */
    public static String schemaText(EventType type) {
        try {
            return JSON.writeValueAsString(schema(EventContracts.of(type))) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode schema(EventContract contract) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://forkcast.dev/schemas/v" + contract.schemaVersion() + "/" + fileName(contract.type()));
        root.put("title", contract.type().wireName() + " v" + contract.schemaVersion());
        root.put("description", "Topic " + contract.type().topic().topicName() + ". Generated from EventContracts.");
        root.put("type", "object");
        ArrayNode required = root.putArray("required");
        for (String name : List.of("event_id", "event_type", "schema_version", "event_time")) {
            required.add(name);
        }
        contract.entityIds().forEach(required::add);
        required.add("payload");
        ObjectNode properties = root.putObject("properties");
        properties.putObject("event_id").put("type", "string").put("minLength", 1);
        properties.putObject("event_type").put("const", contract.type().wireName());
        properties.putObject("schema_version").put("const", contract.schemaVersion());
        properties.putObject("event_time").put("type", "string").put("format", "date-time");
        for (String id : contract.entityIds()) {
            properties.putObject(id).put("type", "string").put("minLength", 1);
        }
        properties.set("payload", objectSchema(contract.payload()));
        return root;
    }

    private static ObjectNode objectSchema(List<FieldSpec> fields) {
        ObjectNode object = JSON.createObjectNode();
        object.put("type", "object");
        ArrayNode required = object.putArray("required");
        ObjectNode properties = object.putObject("properties");
        for (FieldSpec field : fields) {
            if (field.required()) {
                required.add(field.name());
            }
            properties.set(field.name(), fieldSchema(field));
        }
        return object;
    }

    private static ObjectNode fieldSchema(FieldSpec field) {
        ObjectNode schema = JSON.createObjectNode();
        switch (field.kind()) {
            case STRING -> schema.put("type", "string");
            case TIMESTAMP -> schema.put("type", "string").put("format", "date-time");
            case BOOLEAN -> schema.put("type", "boolean");
            case ENUM -> {
                ArrayNode values = schema.putArray("enum");
                field.allowed().forEach(values::add);
            }
            case INTEGER, NUMBER -> {
                schema.put("type", field.kind() == FieldSpec.Kind.INTEGER ? "integer" : "number");
                if (!Double.isNaN(field.min()) && !Double.isInfinite(field.min())) {
                    putBound(schema, "minimum", field.min());
                }
                if (!Double.isNaN(field.max()) && !Double.isInfinite(field.max())) {
                    putBound(schema, "maximum", field.max());
                }
            }
            case ARRAY_OF_OBJECTS -> {
                schema.put("type", "array");
                schema.put("minItems", (int) field.min());
                schema.set("items", objectSchema(field.itemFields()));
            }
            default -> throw new IllegalStateException("unhandled kind " + field.kind());
        }
        if (!field.required()) {
            // Optional fields may also be sent as null (absent and null mean the same in our contracts).
            ObjectNode nullable = JSON.createObjectNode();
            ArrayNode anyOf = nullable.putArray("anyOf");
            anyOf.add(schema);
            anyOf.addObject().put("type", "null");
            return nullable;
        }
        return schema;
    }

    private static void putBound(ObjectNode schema, String name, double value) {
        if (value == Math.rint(value)) {
            schema.put(name, (long) value);
        } else {
            schema.put(name, value);
        }
    }
}
