package dev.forkcast.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.forkcast.events.EventType;
import dev.forkcast.events.EventValidator;
import dev.forkcast.events.JsonSchemas;
import dev.forkcast.events.Validation;
import dev.forkcast.simulator.dirt.DirtKind;
import dev.forkcast.simulator.sink.SinkRecord;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The city and the contracts agree: everything it means to send is valid, everything it damages is not. */
class ContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SmallCity.Run run;

    @BeforeAll
    static void simulateADirtyDay() {
        run = SmallCity.run(SmallCity.config(1).with("dirt.malformed_rate", "0.01").with("dirt.wrong_type_rate", "0.01"),
                23);
    }

    @Test
    void onlyTheDamagedCopiesAreRejected() {
        EventValidator validator = new EventValidator();
        long rejected = 0;

        for (SinkRecord record : run.sink().records) {
            Validation verdict = validator.validate(record.value());
            if (!verdict.valid()) {
                rejected++;
            }
        }

        assertEquals(run.stats().dirt(DirtKind.MALFORMED) + run.stats().dirt(DirtKind.WRONG_TYPE), rejected);
    }

    @Test
    void everyEventTypeTheCitySendsPassesItsPublishedJsonSchema() throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            schemas.put(type, registry.getSchema(JsonSchemas.schemaText(type)));
        }
        EventValidator validator = new EventValidator();
        Set<EventType> seen = EnumSet.noneOf(EventType.class);

        for (SinkRecord record : run.sink().records) {
            Validation verdict = validator.validate(record.value());
            if (verdict.valid()) {
                JsonNode node = JSON.readTree(record.value());
                assertEquals(java.util.List.of(), schemas.get(verdict.type()).validate(node), record.value());
                seen.add(verdict.type());
            }
        }

        assertTrue(seen.containsAll(EnumSet.complementOf(EnumSet.of(EventType.CHARGEBACK_RECEIVED))), seen.toString());
    }
}
