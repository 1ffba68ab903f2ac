package dev.forkcast.simulator.dirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forkcast.events.Event;
import dev.forkcast.events.EventType;
import dev.forkcast.events.Payload;
import dev.forkcast.simulator.SimulationConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The injector's decisions at the two extreme rates, where the answer is certain rather than statistical. */
class DirtInjectorTest {

    private static final int DRAWS = 10_000;
    private static final long SEED = 99;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final long EVENT_TIME = 1_772_452_984_120L;
    private static final String EVENT = new Event("evt-000001", EventType.COURIER_ASSIGNED, 1, EVENT_TIME,
            "o20260302-000017", "cust_004211", "rest_0042", "cour_0007",
            new Payload.CourierAssigned("bike", 52.09, 5.12, 1_767_225_600_000L, 52.1, 5.13)).toJson();

    @Test
    void aCleanConfigNeverInjectsAnything() {
        DirtInjector injector = new DirtInjector(clean(), SEED);

        int dirty = 0;
        for (int i = 0; i < DRAWS; i++) {
            boolean anything = injector.skewClock()
                    || injector.fieldToOmit(List.of("platform", "weather")) != null
                    || injector.travel().dirt() != null
                    || injector.duplicateDelayMillis() >= 0
                    || injector.malformedCopy(EVENT) != null
                    || injector.wrongTypeCopy(EVENT, EVENT_TIME) != null;
            if (anything) {
                dirty++;
            }
        }

        assertEquals(0, dirty);
    }

    @Test
    void atRateOneEveryRecordIsRetried() {
        DirtInjector injector = new DirtInjector(clean().with("dirt.duplicate_rate", "1"), SEED);

        int retried = 0;
        for (int i = 0; i < DRAWS; i++) {
            if (injector.duplicateDelayMillis() >= 0) {
                retried++;
            }
        }

        assertEquals(DRAWS, retried);
    }

    @Test
    void atRateOneEveryRecordGetsAMalformedCopy() {
        DirtInjector injector = new DirtInjector(clean().with("dirt.malformed_rate", "1"), SEED);

        int copies = 0;
        for (int i = 0; i < DRAWS; i++) {
            if (injector.malformedCopy(EVENT) != null) {
                copies++;
            }
        }

        assertEquals(DRAWS, copies);
    }

    @Test
    void atRateOneEveryRecordGetsAWrongTypeCopy() {
        DirtInjector injector = new DirtInjector(clean().with("dirt.wrong_type_rate", "1"), SEED);

        int copies = 0;
        for (int i = 0; i < DRAWS; i++) {
            if (injector.wrongTypeCopy(EVENT, EVENT_TIME) != null) {
                copies++;
            }
        }

        assertEquals(DRAWS, copies);
    }

    @Test
    void aMalformedCopyNeverParses() {
        DirtInjector injector = new DirtInjector(clean().with("dirt.malformed_rate", "1"), SEED);

        int parsed = 0;
        for (int i = 0; i < DRAWS; i++) {
            String copy = injector.malformedCopy(EVENT);
            assertNotNull(copy);
            if (parses(copy)) {
                parsed++;
            }
        }

        assertEquals(0, parsed);
    }

    @Test
    void everyWrongTypeCopyStillParses() {
        DirtInjector injector = new DirtInjector(clean().with("dirt.wrong_type_rate", "1"), SEED);

        int unparseable = 0;
        for (int i = 0; i < DRAWS; i++) {
            if (!parses(injector.wrongTypeCopy(EVENT, EVENT_TIME))) {
                unparseable++;
            }
        }

        assertEquals(0, unparseable);
        assertTrue(parses(EVENT), "the original itself must parse, or this test proves nothing");
    }

    private static SimulationConfig clean() {
        return SimulationConfig.withOverrides(Map.of(
                "dirt.duplicate_rate", "0", "dirt.late_rate", "0", "dirt.out_of_order_rate", "0",
                "dirt.missing_field_rate", "0", "dirt.malformed_rate", "0", "dirt.wrong_type_rate", "0",
                "dirt.clock_skew_rate", "0"));
    }

    private static boolean parses(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && !node.isMissingNode();
        } catch (Exception e) {
            return false;
        }
    }
}
