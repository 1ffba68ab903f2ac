package dev.forkcast.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void checkedInSchemaFilesMatchTheContracts() throws IOException {
        for (EventType type : EventType.values()) {
            String checkedIn = read(type);

            assertEquals(JsonSchemas.schemaText(type), checkedIn, type.wireName()
                    + ".json is stale: regenerate with JsonSchemas.main (see its javadoc)");
        }
    }

    @Test
    void anIndependentSchemaValidatorAgreesWithOursOnAGoodAndABadEvent() throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(read(EventType.COURIER_LOCATION_PINGED));
        String good = new Event("e-9", EventType.COURIER_LOCATION_PINGED, 1, 0, "o1", null, null, "cour_1",
                new Payload.CourierLocationPinged(52.0, 5.0, "to_customer", 18.0, 7, 80)).toJson();
        String bad = good.replace("\"battery_pct\":80", "\"battery_pct\":\"80\"");

        assertTrue(schema.validate(JSON.readTree(good)).isEmpty());
        assertTrue(new EventValidator().validate(good).valid());
        assertFalse(schema.validate(JSON.readTree(bad)).isEmpty());
        assertFalse(new EventValidator().validate(bad).valid());
    }

    @Test
    void everyContractNamesTheIdsItsEventsCarry() {
        EventContract pinged = EventContracts.of(EventType.COURIER_LOCATION_PINGED);

        assertEquals(List.of("order_id", "courier_id"), pinged.entityIds());
    }

    private static String read(EventType type) throws IOException {
        try (InputStream in = JsonSchemas.class.getResourceAsStream("schemas/v1/" + JsonSchemas.fileName(type))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
