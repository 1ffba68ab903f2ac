package dev.forkcast.ml.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * A model file written once (by {@link GoldenModelFiles}) and checked in: whatever Tribuo or Forkcast becomes,
 * a model the registry stored in format 1 must still load and predict what it predicted then.
 */
class GoldenModelTest {

    @Test
    void theCheckedInModelStillPredictsExactlyWhatItPredictedWhenItWasWritten() throws IOException {
        JsonNode expectations = new ObjectMapper().readTree(resource(GoldenModelFiles.EXPECTATIONS_FILE));

        Model<Regressor> model = ModelCodec.decode(resource(GoldenModelFiles.MODEL_FILE), 1).castModel(Regressor.class);

        assertEquals(3, expectations.get("rows").size());
        for (JsonNode row : expectations.get("rows")) {
            Map<String, Double> inputs = new LinkedHashMap<>();
            row.get("inputs").fields().forEachRemaining(input -> inputs.put(input.getKey(), input.getValue().asDouble()));
            assertEquals(row.get("predicted_minutes").asDouble(), GoldenModelFiles.predict(model, inputs),
                    row.get("order").asText());
        }
    }

    @Test
    void aFormatThisCodeDoesNotKnowIsRefusedWithWhatToDo() throws IOException {
        byte[] bytes = resource(GoldenModelFiles.MODEL_FILE);

        IncompatibleModelException refusal = assertThrows(IncompatibleModelException.class,
                () -> ModelCodec.decode(bytes, 2));

        assertEquals("model format 2 is not readable by this version of Forkcast (it reads format 1): retrain with"
                + " ./forkcast train", refusal.getMessage());
    }

    @Test
    void bytesThatAreNoModelAreRefusedAsIncompatibleNotAsARawParserError() {
        byte[] garbage = "not a model, just text".getBytes(StandardCharsets.UTF_8);

        IncompatibleModelException refusal = assertThrows(IncompatibleModelException.class,
                () -> ModelCodec.decode(garbage, 1));

        assertTrue(refusal.getMessage().startsWith("the stored model bytes are not a Tribuo model this version can read"),
                refusal.getMessage());
        assertTrue(refusal.getMessage().endsWith("retrain with ./forkcast train"), refusal.getMessage());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GoldenModelTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource golden/" + name + ": see GoldenModelFiles for how it is made");
            }
            return in.readAllBytes();
        }
    }
}
